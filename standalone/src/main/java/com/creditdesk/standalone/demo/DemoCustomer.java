package com.creditdesk.standalone.demo;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.standalone.demo.DemoPortfolio.Totals;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static com.creditdesk.standalone.demo.DemoNames.pick;

/**
 * One customer of the demo portfolio: who it is, how it orders and pays, and what its account manager and credit
 * do about it, day by day, through the commands a client sends. Its own random source makes its history the same
 * on every run, whatever the other customers do meanwhile. Amounts are whole cents until they are sent.
 */
final class DemoCustomer {
    /** How a customer pays; a defaulter pays like a steady customer until it stops paying altogether. */
    enum Payer { PROMPT, STEADY, SLOW, DEFAULTER }

    private static final String ERP = "erp";
    private static final List<String> CREDIT = List.of("credit1", "credit2");
    private static final List<String> AGENCIES = List.of("Incasso Noord", "Recouvrement Wallonie", "Intrum");
    private static final List<String> PRODUCTS = List.of("office furniture", "packaging material",
            "spare parts", "cleaning supplies", "IT equipment", "raw materials", "maintenance contract",
            "printing", "catering supplies", "building materials", "workwear", "lab consumables");
    private static final List<String> DISPUTE_REASONS = List.of("quantity differs from the delivery note",
            "goods delivered damaged", "price not as quoted", "invoice sent twice", "service not completed");

    final String customerId;
    final Segment segment;
    final String manager;
    final Payer payer;
    private final String name;
    private final String language;
    private final Random random;
    /** For the words people write only, so that varying them never changes what happens. */
    private final Random wording;
    private final Totals totals;
    private final LocalDate opensOn;
    private final LocalDate lastDay;
    private final long typicalOrderCents;
    private final double orderChance;
    private final boolean disputer;
    private final boolean insured;
    private final LocalDate defaultsFrom;
    private final LocalDate limitReviewOn;
    private final LocalDate termsChangeOn;

    private final Map<String, Invoice> invoices = new LinkedHashMap<>();
    private final List<PendingOrder> orders = new ArrayList<>();
    private final List<Signal> signals = new ArrayList<>();
    private long analystLimitCents;
    private boolean opened;
    private boolean handedOver;
    /** The one collection agency this customer's invoices go to, once the first one does. */
    private String agency;
    private LocalDate concludeReviewOn;
    private LocalDate liftHoldOn;
    private LocalDate decideTermsOn;
    private int orderCount;
    private int invoiceCount;
    private int paymentCount;
    private int signalCount;

    DemoCustomer(int index, Segment segment, String name, String language, String manager, Payer payer,
                 LocalDate firstDay, LocalDate lastDay, long seed, Totals totals) {
        this.customerId = String.format("C-%04d", index + 1);
        this.segment = segment;
        this.name = name;
        this.language = language;
        this.manager = manager;
        this.payer = payer;
        this.lastDay = lastDay;
        this.totals = totals;
        this.random = new Random(seed);
        this.wording = new Random(~seed);
        long days = ChronoUnit.DAYS.between(firstDay, lastDay);
        this.opensOn = random.nextInt(100) < 85 ? firstDay : businessDay(firstDay.plusDays(20 + random.nextLong(days * 3 / 4)));
        this.typicalOrderCents = switch (segment) {
            case SMB -> 80_000 + random.nextLong(520_000);
            case ENTERPRISE -> 800_000 + random.nextLong(5_200_000);
            case PUBLIC -> 500_000 + random.nextLong(3_500_000);
        };
        this.orderChance = switch (segment) {
            case SMB -> 1 / 30.0;
            case ENTERPRISE -> 1 / 16.0;
            case PUBLIC -> 1 / 28.0;
        };
        this.disputer = index % 25 == 4 || random.nextInt(100) < 3;
        this.insured = segment != Segment.PUBLIC && random.nextInt(100) < 35;
        this.defaultsFrom = payer == Payer.DEFAULTER
                ? businessDay(firstDay.plusDays(60 + random.nextInt(Math.max(1, (int) days - 260)))) : null;
        this.limitReviewOn = random.nextBoolean() ? businessDay(opensOn.plusDays(150 + random.nextInt(90))) : null;
        this.termsChangeOn = index % 40 == 11 || random.nextInt(100) < 5
                ? businessDay(opensOn.plusDays(20 + random.nextInt(280))) : null;
        if (defaultsFrom != null) { // the account manager hears it first
            signals.add(new Signal(defaultsFrom.minusDays(15), "PAYMENT_RUMOURS", "MEDIUM",
                    "a supplier says they pay everyone late now"));
            signals.add(new Signal(defaultsFrom.plusDays(20), "STAFF_TURNOVER", "MEDIUM",
                    "the bookkeeper and two drivers have left"));
        }
    }

    /** What happens to this customer on one working day, in the order a day goes. */
    void actOn(LocalDate day, DemoClient api) {
        if (!opened) {
            if (day.isBefore(opensOn)) {
                return;
            }
            open(day, api);
        }
        followUpReview(day, api);
        followUpTerms(day, api);
        followUpOrders(day, api);
        followUpInvoices(day, api);
        reportSignals(day, api);
        if (!handedOver && random.nextDouble() < orderChance) {
            placeOrder(day, api);
        }
        if (day.equals(limitReviewOn)) {
            reviewLimit(day, api);
        }
    }

    // ---- the account --------------------------------------------------------------------------------

    private void open(LocalDate day, DemoClient api) {
        opened = true;
        api.post(ERP, "/api/accounts", body("customerId", customerId, "name", name, "segment", segment.name(),
                "currency", "EUR", "accountManager", manager, "language", language), "OpenAccount");
        totals.customers.increment();
        // about what the customer buys over its payment terms and a month more, in round thousands
        long monthly = (long) (typicalOrderCents * orderChance * 21);
        double headroom = switch (payer) {
            case PROMPT -> 2.0 + random.nextDouble();
            case STEADY, DEFAULTER -> 1.6 + random.nextDouble();
            case SLOW -> 1.1 + random.nextDouble() * 0.6;
        };
        analystLimitCents = roundThousands(monthly * (segment.standardTermDays() / 30.0 + 1) * headroom);
        setLimit(day, api, pick(CREDIT, random), analystLimitCents, "ANALYST", "initial credit assessment",
                day.plusYears(1));
        if (insured) {
            long cover = roundThousands(analystLimitCents * (0.8 + random.nextDouble() * 0.7));
            setLimit(day, api, ERP, cover, "INSURER", "credit insurer cover granted", null);
        }
        int security = random.nextInt(100);
        if (segment == Segment.ENTERPRISE && security < 15) {
            api.post(pick(CREDIT, random), accountPath() + "/securities", body("securityId", customerId + "-G1",
                    "type", "BANK_GUARANTEE", "amount", money(roundThousands(analystLimitCents * 0.3)),
                    "validUntil", day.plusDays(120 + random.nextInt(420))), "RegisterSecurity");
        } else if (segment == Segment.SMB && security < 6) {
            api.post(pick(CREDIT, random), accountPath() + "/securities", body("securityId", customerId + "-P1",
                    "type", "PREPAYMENT", "amount", money(roundThousands(analystLimitCents * 0.2))),
                    "RegisterSecurity");
        }
    }

    private void setLimit(LocalDate day, DemoClient api, String user, long cents, String source, String reason,
                          LocalDate reviewDate) {
        api.send(user, "PUT", accountPath() + "/credit-limit", body("amount", money(cents), "source", source,
                "reason", reason, "reviewDate", reviewDate), "SetCreditLimit");
    }

    private void reviewLimit(LocalDate day, DemoClient api) {
        double change = switch (payer) {
            case PROMPT -> 1.1 + random.nextDouble() * 0.3;
            case STEADY -> 0.9 + random.nextDouble() * 0.3;
            case SLOW, DEFAULTER -> 0.6 + random.nextDouble() * 0.3;
        };
        analystLimitCents = roundThousands(analystLimitCents * change);
        setLimit(day, api, pick(CREDIT, random), analystLimitCents, "ANALYST",
                change >= 1 ? "semi-annual review: pays well, limit raised" : "semi-annual review",
                day.plusMonths(6));
        if (insured && random.nextInt(100) < 40) {
            long cover = roundThousands(analystLimitCents * (0.7 + random.nextDouble() * 0.7));
            setLimit(day, api, ERP, cover, "INSURER", "credit insurer revised its cover", null);
        }
    }

    private void followUpTerms(LocalDate day, DemoClient api) {
        if (day.equals(termsChangeOn)) {
            int extra = random.nextBoolean() ? 10 : 30;
            JsonNode answer = api.post(manager, accountPath() + "/payment-terms", body("days",
                    segment.standardTermDays() + extra, "reason", extra > 15
                            ? "framework contract: the customer's own payment run is monthly"
                            : "agreed at the yearly negotiation"), "AgreePaymentTerms");
            totals.termsChanges.increment();
            if (answer != null && "AWAITING_APPROVAL".equals(answer.path("status").asText())) {
                decideTermsOn = businessDay(day.plusDays(1 + random.nextInt(4)));
            }
        } else if (due(decideTermsOn, day)) {
            decideTermsOn = null;
            boolean approve = payer != Payer.SLOW && random.nextInt(100) < 75;
            api.post(pick(CREDIT, random), accountPath() + "/payment-terms/approval", body("approve", approve,
                    "note", approve ? "payment history supports it" : "not with this payment history"),
                    "DecidePaymentTerms");
        }
    }

    // ---- signals and reviews --------------------------------------------------------------------------

    private void reportSignals(LocalDate day, DemoClient api) {
        double chance = payer == Payer.SLOW ? 0.006 : 0.0025;
        if (random.nextDouble() < chance) {
            boolean negative = payer == Payer.SLOW ? random.nextInt(100) < 85 : random.nextInt(100) < 60;
            String category = negative
                    ? pick(List.of("WAREHOUSE_INACTIVE", "STAFF_TURNOVER", "EMPTY_PREMISES", "COMPLAINTS",
                    "MANAGEMENT_CHANGE", "PAYMENT_RUMOURS", "OTHER"), random)
                    : pick(List.of("GROWTH", "NEW_INVESTMENT"), random);
            int severity = random.nextInt(100);
            signals.add(new Signal(day, category, severity < 45 ? "LOW" : severity < 85 ? "MEDIUM" : "HIGH",
                    note(category)));
        }
        for (Iterator<Signal> waiting = signals.iterator(); waiting.hasNext(); ) {
            Signal signal = waiting.next();
            if (!due(signal.on, day)) {
                continue;
            }
            waiting.remove();
            JsonNode answer = api.post(manager, accountPath() + "/sales-signals", body("signalId",
                    customerId + "-S" + (++signalCount), "category", signal.category, "severity", signal.severity,
                    "note", signal.note, "observedOn", day.minusDays(random.nextInt(3))), "ReportSalesSignal");
            totals.signals.increment();
            if (answer != null && answer.path("reviewOpened").asBoolean()) {
                totals.reviews.increment();
                concludeReviewOn = businessDay(day.plusDays(2 + random.nextInt(20)));
            }
        }
    }

    private void followUpReview(LocalDate day, DemoClient api) {
        if (due(concludeReviewOn, day)) {
            concludeReviewOn = null;
            int outcome = random.nextInt(100);
            String credit = pick(CREDIT, random);
            if (outcome < 50 && payer != Payer.DEFAULTER) {
                api.post(credit, accountPath() + "/reviews/current/conclusion", body("outcome", "NO_CHANGE",
                        "note", "visited the customer: order book is fine"), "ConcludeReview");
            } else if (outcome < 85 || payer == Payer.DEFAULTER) {
                analystLimitCents = roundThousands(analystLimitCents * (0.5 + random.nextDouble() * 0.3));
                api.post(credit, accountPath() + "/reviews/current/conclusion", body("outcome", "LIMIT_CHANGED",
                        "note", "limit lowered until the figures improve", "newLimit", money(analystLimitCents)),
                        "ConcludeReview");
            } else {
                api.post(credit, accountPath() + "/reviews/current/conclusion", body("outcome", "HOLD",
                        "note", "on hold until the annual accounts are in"), "ConcludeReview");
                liftHoldOn = businessDay(day.plusDays(10 + random.nextInt(25)));
            }
        }
        if (due(liftHoldOn, day) && !handedOver) {
            liftHoldOn = null;
            api.send(pick(CREDIT, random), "DELETE", accountPath() + "/hold",
                    body("reason", "annual accounts received, no concerns"), "LiftHold");
        }
    }

    // ---- orders ---------------------------------------------------------------------------------------

    private void placeOrder(LocalDate day, DemoClient api) {
        String orderId = customerId + "-O" + (++orderCount);
        long cents = typicalOrderCents * (50 + random.nextInt(110)) / 100 + random.nextInt(100);
        JsonNode answer = api.post(ERP, accountPath() + "/orders", body("orderId", orderId, "amount", money(cents),
                "currency", "EUR", "description", pick(PRODUCTS, random)), "PlaceOrder");
        if (answer == null) {
            return;
        }
        totals.orders.increment();
        PendingOrder order = new PendingOrder(orderId, cents);
        if ("ACCEPTED".equals(answer.path("status").asText())) {
            order.invoiceOn = businessDay(day.plusDays(1 + random.nextInt(7)));
        } else {
            totals.blocked.increment();
            List<String> reasons = new ArrayList<>();
            answer.path("reasons").forEach(reason -> reasons.add(reason.asText()));
            order.reasons = reasons;
            if (handedOver || random.nextInt(100) < 15) {
                order.cancelOn = random.nextBoolean() ? businessDay(day.plusDays(5 + random.nextInt(10))) : null;
            } else {
                order.requestOn = businessDay(day.plusDays(random.nextInt(2)));
            }
        }
        orders.add(order);
    }

    private void followUpOrders(LocalDate day, DemoClient api) {
        for (Iterator<PendingOrder> pending = orders.iterator(); pending.hasNext(); ) {
            PendingOrder order = pending.next();
            String orderPath = accountPath() + "/orders/" + order.orderId;
            if (due(order.requestOn, day)) {
                order.requestOn = null;
                String measure = measureFor(order.reasons);
                api.post(manager, orderPath + "/release-requests", body("justification", justification(order.reasons, wording),
                        "proposedMeasure", measure), "RequestRelease");
                order.decideOn = businessDay(day.plusDays(1 + random.nextInt(4)));
                order.measure = measure;
            } else if (due(order.decideOn, day)) {
                order.decideOn = null;
                // lead1 holds credit rights too and decides now and then, never on a release lead1 asked for
                String decider = !manager.equals("lead1") && random.nextInt(100) < 10 ? "lead1" : pick(CREDIT, random);
                boolean release = !order.reasons.contains("ACCOUNT_ON_HOLD") && random.nextInt(100) < 75;
                JsonNode answer = api.post(decider, orderPath + "/release-decision", release
                        ? body("decision", "RELEASE", "note", "acceptable with the measure proposed",
                        "conditions", conditionsFor(order.measure))
                        : body("decision", "REJECT", "note", "too much open: first the overdue invoices"),
                        "DecideRelease");
                if (answer != null && "RELEASED".equals(answer.path("status").asText())) {
                    totals.released.increment();
                    order.invoiceOn = businessDay(day.plusDays(1 + random.nextInt(5)));
                } else {
                    pending.remove();
                }
            } else if (due(order.cancelOn, day)) {
                pending.remove();
                api.post(ERP, orderPath + "/cancel", body("reason", "the customer withdrew the order"), "CancelOrder");
            } else if (due(order.invoiceOn, day)) {
                pending.remove();
                issueInvoice(day, order, api);
            }
        }
    }

    private static String measureFor(List<String> reasons) {
        if (reasons.contains("ACCOUNT_ON_HOLD")) {
            return "PREPAYMENT";
        }
        if (reasons.contains("LIMIT_EXCEEDED")) {
            return "TEMPORARY_LIMIT";
        }
        return reasons.contains("OVERDUE_INVOICES") ? "PARTIAL_DELIVERY" : "NONE";
    }

    /** What an account manager writes when asking for a release: their own words, varying from one to the next. */
    private static String justification(List<String> reasons, Random random) {
        if (reasons.contains("LIMIT_EXCEEDED")) {
            return pick(List.of("seasonal peak: the customer's volume doubles this month, they always paid",
                    "new product line in their shops, the order is larger than usual for one month",
                    "they took over a competitor's branch; the next orders go back to the usual size",
                    "year-end stock build-up, paid within terms every year so far"), random);
        }
        if (reasons.contains("OVERDUE_INVOICES")) {
            return pick(List.of("the overdue invoice is being paid this week, confirmed by their bookkeeper",
                    "the late invoice waits for a corrected delivery note, the rest is paid",
                    "they changed bank; the transfer was returned once and is sent again",
                    "their accountant was ill, the payment run is planned for Friday"), random);
        }
        if (reasons.contains("CREDIT_REVIEW")) {
            return pick(List.of("long-standing customer, the signal concerned a branch they closed",
                    "I visited them yesterday: the empty warehouse was a move to new premises",
                    "the rumour came from a competitor; their order book is full"), random);
        }
        return pick(List.of("the customer pays this order in advance",
                "prepayment agreed on the phone, the transfer is announced"), random);
    }

    private static String conditionsFor(String measure) {
        return switch (measure) {
            case "PREPAYMENT" -> "deliver after receipt of the prepayment";
            case "TEMPORARY_LIMIT" -> "temporary headroom for this order only";
            case "PARTIAL_DELIVERY" -> "deliver half now, the rest once the overdue invoice is paid";
            default -> null;
        };
    }

    // ---- invoices, payments, disputes, promises, hand-over ----------------------------------------------

    private void issueInvoice(LocalDate day, PendingOrder order, DemoClient api) {
        String invoiceId = customerId + "-I" + (++invoiceCount);
        JsonNode answer = api.post(ERP, accountPath() + "/invoices", body("invoiceId", invoiceId, "orderId",
                order.orderId, "amount", money(order.cents), "currency", "EUR", "issueDate", day), "IssueInvoice");
        if (answer == null) {
            return;
        }
        totals.invoices.increment();
        Invoice invoice = new Invoice(invoiceId, day, LocalDate.parse(answer.path("dueDate").asText()), order.cents);
        invoices.put(invoiceId, invoice);
        planPayment(invoice);
    }

    /** Decides, when the invoice is issued, how it will be paid: on time, late, in parts, or not at all. */
    private void planPayment(Invoice invoice) {
        int roll = random.nextInt(100);
        boolean defaulted = defaultsFrom != null && !invoice.issued.isBefore(defaultsFrom);
        int delay = switch (defaulted ? Payer.DEFAULTER : payer == Payer.DEFAULTER ? Payer.STEADY : payer) {
            case PROMPT -> -12 + random.nextInt(12);
            case STEADY -> roll < 80 ? -6 + random.nextInt(8) : roll < 95 ? 4 + random.nextInt(12) : 16 + random.nextInt(25);
            case SLOW -> roll < 40 ? 3 + random.nextInt(13) : roll < 80 ? 16 + random.nextInt(25) : 41 + random.nextInt(35);
            case DEFAULTER -> Integer.MAX_VALUE;
        };
        int callDays = DunningStep.CALL.daysAfterDue(segment);
        if (delay == Integer.MAX_VALUE) {
            // never paid: the account manager calls, the promise is broken, and the invoice goes to collection
            invoice.promiseOn = businessDay(invoice.due.plusDays(callDays + 1 + random.nextInt(3)));
            invoice.keepsPromise = false;
            invoice.handoverOn = businessDay(invoice.due.plusDays(
                    DunningStep.COLLECTION_PROPOSAL.daysAfterDue(segment) + 2 + random.nextInt(5)));
            return;
        }
        invoice.payOn = max(invoice.issued.plusDays(2), invoice.due.plusDays(delay));
        int proposalDays = DunningStep.COLLECTION_PROPOSAL.daysAfterDue(segment);
        if (delay > 5 && payer != Payer.PROMPT && random.nextInt(100) < 12) {
            invoice.partialOn = invoice.payOn;
            invoice.payOn = invoice.payOn.plusDays(10 + random.nextInt(20));
        }
        if (disputer ? random.nextInt(100) < 25 : random.nextInt(1000) < 25) {
            invoice.disputeOn = businessDay(invoice.issued.plusDays(4 + random.nextInt(16)));
            invoice.resolveOn = businessDay(invoice.disputeOn.plusDays(8 + random.nextInt(disputer ? 50 : 35)));
            invoice.payOn = max(invoice.payOn, invoice.resolveOn.plusDays(2 + random.nextInt(8)));
            invoice.partialOn = null;
        } else if (invoice.payOn.isAfter(invoice.due.plusDays(callDays + 3)) && random.nextInt(100) < 60) {
            invoice.promiseOn = businessDay(invoice.due.plusDays(callDays + 1 + random.nextInt(3)));
            invoice.keepsPromise = random.nextInt(100) < 70;
        }
        if (invoice.disputeOn == null && invoice.payOn.isAfter(invoice.due.plusDays(proposalDays + 15))) {
            // credit decides a collection proposal within weeks: still open then, the invoice goes to the agency
            invoice.handoverOn = businessDay(invoice.due.plusDays(proposalDays + 5 + random.nextInt(10)));
        }
    }

    private void followUpInvoices(LocalDate day, DemoClient api) {
        for (Iterator<Invoice> open = invoices.values().iterator(); open.hasNext(); ) {
            Invoice invoice = open.next();
            String invoicePath = accountPath() + "/invoices/" + invoice.id;
            if (invoice.balance <= 0 && invoice.resolveOn == null) {
                open.remove();
                continue;
            }
            if (due(invoice.disputeOn, day) && invoice.balance <= 0) {
                invoice.disputeOn = null;
                invoice.resolveOn = null;
            } else if (due(invoice.disputeOn, day)) {
                invoice.disputeOn = null;
                boolean bySales = random.nextBoolean();
                api.post(bySales ? manager : pick(CREDIT, random), invoicePath + "/disputes",
                        body("reason", pick(DISPUTE_REASONS, random)), "DisputeInvoice");
                totals.disputes.increment();
            } else if (due(invoice.resolveOn, day)) {
                invoice.resolveOn = null;
                long credited = invoice.balance > 0 && random.nextInt(100) < 60 ? invoice.balance * (5 + random.nextInt(35)) / 100 : 0;
                JsonNode answer = api.post(pick(CREDIT, random), invoicePath + "/disputes/resolution", credited > 0
                        ? body("outcome", "CREDITED", "creditNoteAmount", money(credited),
                        "note", "credit note for the part that was not right")
                        : body("outcome", "REJECTED", "note", "delivery note signed without remarks"),
                        "ResolveDispute");
                if (answer != null) {
                    invoice.balance = cents(answer.path("balance").decimalValue());
                }
            }
            if (due(invoice.promiseOn, day)) {
                invoice.promiseOn = null;
                LocalDate promisedOn = day.plusDays(4 + random.nextInt(7));
                JsonNode answer = api.post(manager, invoicePath + "/payment-promises",
                        body("promisedOn", promisedOn, "amount", money(invoice.balance)), "PromisePayment");
                if (answer != null) {
                    totals.promises.increment();
                    if (invoice.keepsPromise) {
                        invoice.payOn = max(day, promisedOn.minusDays(random.nextInt(3)));
                        invoice.partialOn = null;
                    } else if (invoice.payOn != null && !invoice.payOn.isAfter(promisedOn.plusDays(2))) {
                        invoice.payOn = promisedOn.plusDays(5 + random.nextInt(20));
                    }
                }
            }
            if (due(invoice.partialOn, day)) {
                invoice.partialOn = null;
                pay(day, invoice, invoice.balance * (40 + random.nextInt(31)) / 100, true, api);
            } else if (due(invoice.payOn, day)) {
                invoice.payOn = null;
                pay(day, invoice, invoice.balance, random.nextInt(100) < 85, api);
            }
            if (due(invoice.handoverOn, day)) {
                invoice.handoverOn = null;
                agency = agency == null ? pick(AGENCIES, random) : agency;
                invoice.agency = agency;
                api.post(pick(CREDIT, random), invoicePath + "/collection-handover/approvals", body("agency",
                        invoice.agency, "note", "no payment after the formal notice"), "ApproveCollectionHandover");
                invoice.secondApprovalOn = businessDay(day.plusDays(1 + random.nextInt(3)));
            } else if (due(invoice.secondApprovalOn, day)) {
                invoice.secondApprovalOn = null;
                JsonNode answer = api.post(manager, invoicePath + "/collection-handover/approvals", body("agency",
                        invoice.agency, "note", "agreed: the customer no longer answers"), "ApproveCollectionHandover");
                if (answer != null && "HANDED_OVER".equals(answer.path("status").asText())) {
                    totals.handovers.increment();
                    handedOver = true;
                }
            }
        }
    }

    /**
     * The bank feed: most payments name their invoice, some do not (they settle the oldest invoices first);
     * now and then a customer pays a little too much, which stays as unapplied credit.
     */
    private void pay(LocalDate day, Invoice invoice, long cents, boolean namesInvoice, DemoClient api) {
        if (cents <= 0) {
            return;
        }
        boolean overpaid = random.nextInt(100) < 2;
        long amount = overpaid ? cents + 2_500 + random.nextInt(10_000) : cents;
        JsonNode answer = api.post(ERP, accountPath() + "/payments", body("paymentId",
                customerId + "-P" + (++paymentCount), "amount", money(amount), "currency", "EUR", "receivedOn", day,
                "invoiceId", namesInvoice || overpaid ? invoice.id : null), "RegisterPayment");
        if (answer == null) {
            return;
        }
        totals.payments.increment();
        if (day.isAfter(invoice.due)) {
            totals.latePayments.increment();
        }
        if (cents < invoice.balance) {
            totals.partialPayments.increment();
        }
        if (answer.path("unapplied").decimalValue().signum() > 0) {
            totals.unappliedPayments.increment();
        }
        answer.path("allocations").forEach(allocation -> {
            Invoice paid = invoices.get(allocation.path("invoiceId").asText());
            if (paid != null) {
                paid.balance -= cents(allocation.path("amount").decimalValue());
            }
        });
    }

    /**
     * A dispute still being looked into at the present, on the newest invoice with nothing else planned for
     * it: a year of history would otherwise end with every dispute resolved on some days and not on others.
     */
    boolean disputeNewestOpenInvoice(DemoClient api) {
        Invoice newest = null;
        for (Invoice invoice : invoices.values()) {
            boolean untouched = invoice.balance > 0 && invoice.disputeOn == null && invoice.resolveOn == null
                    && invoice.promiseOn == null && invoice.handoverOn == null && invoice.secondApprovalOn == null;
            if (untouched && !handedOver && (newest == null || invoice.issued.isAfter(newest.issued))) {
                newest = invoice;
            }
        }
        if (newest == null || api.post(manager, accountPath() + "/invoices/" + newest.id + "/disputes",
                body("reason", pick(DISPUTE_REASONS, wording)), "DisputeInvoice") == null) {
            return false;
        }
        totals.disputes.increment();
        return true;
    }

    boolean disputes() {
        return disputer;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    /** Credit decided the collection proposal: both approvals at once, to this customer's one agency. */
    void handOver(String invoiceId, DemoClient api) {
        Invoice known = invoices.get(invoiceId);
        if (known != null && known.secondApprovalOn != null) {
            return; // the hand-over is under way already: the account manager approves on the day planned
        }
        if (known != null) {
            known.handoverOn = null; // decided now, not again when its own plan comes up
        }
        agency = agency == null ? pick(AGENCIES, wording) : agency;
        String path = accountPath() + "/invoices/" + invoiceId + "/collection-handover/approvals";
        api.post(pick(CREDIT, wording), path, body("agency", agency, "note",
                "collection proposal decided: no payment since the formal notice"), "ApproveCollectionHandover");
        JsonNode answer = api.post(manager, path, body("agency", agency, "note",
                "agreed, the customer does not answer any more"), "ApproveCollectionHandover");
        if (answer != null && "HANDED_OVER".equals(answer.path("status").asText())) {
            totals.handovers.increment();
            handedOver = true;
        }
    }

    private String accountPath() {
        return "/api/accounts/" + customerId;
    }

    private static boolean due(LocalDate planned, LocalDate day) {
        return planned != null && !day.isBefore(planned);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The same day, or the Monday after a weekend. */
    static LocalDate businessDay(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2)
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private static long roundThousands(double cents) {
        return Math.max(100_000, Math.round(cents / 100_000) * 100_000);
    }

    private static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static long cents(BigDecimal amount) {
        return amount.movePointRight(2).longValueExact();
    }

    private static String note(String category) {
        return switch (category) {
            case "WAREHOUSE_INACTIVE" -> "hardly any trucks at the warehouse these last weeks";
            case "STAFF_TURNOVER" -> "third new contact person this year";
            case "EMPTY_PREMISES" -> "half of the showroom is empty";
            case "COMPLAINTS" -> "their own customers complain about late deliveries";
            case "MANAGEMENT_CHANGE" -> "the founder handed over to an external manager";
            case "PAYMENT_RUMOURS" -> "heard at a trade fair that they pay suppliers late";
            case "GROWTH" -> "opening a second site, hiring";
            case "NEW_INVESTMENT" -> "invested in a new production line";
            default -> "something feels off at the last visit";
        };
    }

    /** Builds a JSON body in order, leaving out what is null. */
    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                body.put((String) keysAndValues[i], value instanceof LocalDate date ? date.toString() : value);
            }
        }
        return body;
    }

    private static final class PendingOrder {
        final String orderId;
        final long cents;
        List<String> reasons = List.of();
        String measure;
        LocalDate invoiceOn;
        LocalDate requestOn;
        LocalDate decideOn;
        LocalDate cancelOn;

        PendingOrder(String orderId, long cents) {
            this.orderId = orderId;
            this.cents = cents;
        }
    }

    private static final class Invoice {
        final String id;
        final LocalDate issued;
        final LocalDate due;
        long balance;
        LocalDate payOn;
        LocalDate partialOn;
        LocalDate disputeOn;
        LocalDate resolveOn;
        LocalDate promiseOn;
        boolean keepsPromise;
        LocalDate handoverOn;
        LocalDate secondApprovalOn;
        String agency;

        Invoice(String id, LocalDate issued, LocalDate due, long balance) {
            this.id = id;
            this.issued = issued;
            this.due = due;
            this.balance = balance;
        }
    }

    private record Signal(LocalDate on, String category, String severity, String note) {
    }
}
