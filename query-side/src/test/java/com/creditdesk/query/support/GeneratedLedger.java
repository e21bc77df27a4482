package com.creditdesk.query.support;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationCommands.VisitReport;
import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.application.Rating;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalDirection;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A year of business for a few customers in two currencies, as the account would record it: orders
 * accepted and blocked (release requests, releases, rejections, cancellations), invoices on 30 or 60
 * days, payments on time, late, in parts or never, disputes with and without credit notes, promises
 * kept or not, dunning steps with their tasks, hand-overs and sales signals. A small simulation: each
 * step runs on its day against the invoices' balances, so every payment fits what is open. With the credit-risk
 * lifecycle ({@link #withLifecycle}) each customer also had a credit application (declined, approved by one, approved
 * by two, or never decided) and monthly periodic reviews, some planned again before their day, opened on it and
 * concluded days later (or not at all); the rest of the year stays as it is without it.
 */
public final class GeneratedLedger {
    public static final LocalDate START = LocalDate.of(2026, 1, 1);
    public static final LocalDate END = LocalDate.of(2026, 12, 31);

    private record Step(Instant at, long order, String aggregateType, String aggregateId, Supplier<List<Object>> events) {
    }

    private final Random random;
    /** The lifecycle's own, so that the rest of the year is the same with it as without it; null without it. */
    private final Random lifecycle;
    /** Per customer: the day of the latest review plan, and whether a review is open. */
    private final Map<String, LocalDate> reviewPlans = new HashMap<>();
    private final java.util.Set<String> openReviews = new java.util.HashSet<>();
    private int reviews;
    private final PriorityQueue<Step> agenda = new PriorityQueue<>(
            Comparator.comparing(Step::at).thenComparingLong(Step::order));
    private final Map<String, BigDecimal> balances = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final java.util.Set<String> promised = new java.util.HashSet<>();
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private long steps;
    private int ids;

    private GeneratedLedger(long seed, boolean withLifecycle) {
        this.random = new Random(seed);
        this.lifecycle = withLifecycle ? new Random(seed + 1) : null;
    }

    /** The events of {@code customers} customers over 2026, in the order they happened. */
    public static List<DomainEventMessage<?>> of(int customers, long seed) {
        return generate(customers, seed, false);
    }

    /** The same year, with each customer's credit application and periodic reviews. */
    public static List<DomainEventMessage<?>> withLifecycle(int customers, long seed) {
        return generate(customers, seed, true);
    }

    private static List<DomainEventMessage<?>> generate(int customers, long seed, boolean withLifecycle) {
        GeneratedLedger ledger = new GeneratedLedger(seed, withLifecycle);
        for (int c = 0; c < customers; c++) {
            ledger.customer("C-" + c, c % 3 == 2 ? "GBP" : "EUR", "am-" + (c % 2));
            if (withLifecycle) {
                ledger.application("C-" + c, "am-" + (c % 2));
                LocalDate classified = START.plusDays(ledger.lifecycle.nextInt(40));
                ledger.planReview("C-" + c, at(classified, 9), classified.plusMonths(1));
            }
        }
        ledger.run();
        return ledger.events;
    }

    /** Filed in the first months; declined, approved by one or by two credit controllers, or never decided. */
    private void application(String customerId, String manager) {
        String applicationId = "A-" + customerId;
        String aggregateId = "application:" + applicationId;
        Instant filed = at(START.plusDays(lifecycle.nextInt(120)), 8 + lifecycle.nextInt(9))
                .plus(Duration.ofMinutes(lifecycle.nextInt(60)));
        BigDecimal limit = BigDecimal.valueOf(10_000L + lifecycle.nextInt(90) * 1_000L);
        scheduleOn("CreditApplication", aggregateId, filed, () -> List.of(new CreditApplicationFiled(customerId,
                applicationId, "Prospect " + customerId, Segment.SMB, "EUR", Language.nl, null, manager, limit,
                limit.divide(BigDecimal.valueOf(4)), 30, new VisitReport(Rating.GOOD, Rating.GOOD, Rating.FAIR,
                Rating.GOOD, null), manager)));
        int fate = lifecycle.nextInt(10);
        Instant first = filed.plus(Duration.ofMinutes(30 + lifecycle.nextInt(7 * 24 * 60)));
        if (fate < 1) {
            return; // never decided
        } else if (fate < 4) {
            scheduleOn("CreditApplication", aggregateId, first, () -> List.of(new ApplicationDeclined(customerId,
                    applicationId, "too young a business", "credit1")));
            return;
        }
        ApplicationDecision decision = fate < 7 ? ApplicationDecision.APPROVE : ApplicationDecision.APPROVE_WITH_SECURITY;
        SecurityType security = decision == ApplicationDecision.APPROVE ? null : SecurityType.BANK_GUARANTEE;
        boolean secondNeeded = limit.compareTo(BigDecimal.valueOf(50_000)) > 0;
        List<String> approvedBy = secondNeeded ? List.of("credit1", "credit2") : List.of("credit2");
        if (secondNeeded) {
            scheduleOn("CreditApplication", aggregateId, first, () -> List.of(new ApplicationApprovalGiven(customerId,
                    applicationId, decision, limit, security, "first", BigDecimal.valueOf(50_000), "credit1")));
        }
        Instant approved = secondNeeded ? first.plus(Duration.ofMinutes(10 + lifecycle.nextInt(5 * 24 * 60))) : first;
        scheduleOn("CreditApplication", aggregateId, approved, () -> List.of(new ApplicationApproved(customerId,
                applicationId, decision, limit, security, "agreed", approvedBy, "Prospect " + customerId, Segment.SMB,
                "EUR", Language.nl, null, manager, RiskClass.HIGH, "credit2")));
    }

    /** A review plan; now and then credit plans again before its day (another class), which replaces it. */
    private void planReview(String customerId, Instant at, LocalDate dueOn) {
        schedule(at, customerId, () -> {
            reviewPlans.put(customerId, dueOn);
            return List.of(new ReviewScheduled(customerId, dueOn, RiskClass.HIGH, "monthly"));
        });
        LocalDate planned = LocalDate.ofInstant(at, ZoneOffset.UTC);
        if (lifecycle.nextInt(100) < 15 && dueOn.minusDays(5).isAfter(planned)) {
            planReview(customerId, at(dueOn.minusDays(5), 11), dueOn.plusDays(9));
        }
        reviewTimer(customerId, dueOn);
    }

    /** On the day: the review opens if this is still the plan and none is open; concluded days later, or never. */
    private void reviewTimer(String customerId, LocalDate dueOn) {
        schedule(at(dueOn, 0).plusSeconds(5), customerId, () -> {
            if (!dueOn.equals(reviewPlans.get(customerId)) || openReviews.contains(customerId)) {
                return List.of();
            }
            openReviews.add(customerId);
            String reviewId = customerId + "-R" + (++reviews);
            if (lifecycle.nextInt(10) > 0) {
                LocalDate concluded = dueOn.plusDays(lifecycle.nextInt(12));
                schedule(at(concluded, 10 + lifecycle.nextInt(8)), customerId, () -> {
                    openReviews.remove(customerId);
                    LocalDate next = concluded.plusMonths(1);
                    reviewPlans.put(customerId, next);
                    reviewTimer(customerId, next);
                    return List.of(new CreditReviewConcluded(customerId, reviewId, ReviewOutcome.NO_CHANGE, "seen",
                            null, List.of(), List.of(), "credit1"),
                            new ReviewScheduled(customerId, next, RiskClass.HIGH, "review concluded"));
                });
            }
            return List.of(new CreditReviewOpened(customerId, reviewId, List.of(), List.of(), "periodic review",
                    "credit-desk"));
        });
    }

    private void customer(String customerId, String currency, String manager) {
        for (LocalDate day = START; !day.isAfter(END.minusDays(5)); day = day.plusDays(1 + random.nextInt(9))) {
            Instant at = at(day, 8 + random.nextInt(9));
            String orderId = customerId + "-O" + (ids++);
            BigDecimal amount = money(100 + random.nextInt(4900), random.nextInt(100));
            if (random.nextInt(100) < 18) {
                blocked(customerId, currency, manager, orderId, amount, at);
            } else {
                schedule(at, customerId, () -> List.of(new OrderAccepted(customerId, orderId, amount, currency, "goods",
                        decision(amount), "erp")));
                invoice(customerId, currency, manager, orderId, amount, at.plus(Duration.ofHours(20)));
            }
            if (random.nextInt(100) < 3) {
                schedule(at.plus(Duration.ofHours(2)), customerId, () -> List.of(new SalesSignalReported(customerId,
                        "S-" + UUID.randomUUID(), SignalCategory.values()[0], SignalDirection.NEGATIVE,
                        Severity.values()[0], "seen on a visit", LocalDate.ofInstant(at, ZoneOffset.UTC), manager)));
            }
        }
    }

    private void blocked(String customerId, String currency, String manager, String orderId, BigDecimal amount,
                         Instant at) {
        schedule(at, customerId, () -> List.of(new OrderBlocked(customerId, orderId, amount, currency, "goods",
                List.of(BlockReason.LIMIT_EXCEEDED), decision(amount), "erp")));
        int fate = random.nextInt(10);
        if (fate < 6) {
            Instant requested = at.plus(Duration.ofMinutes(30 + random.nextInt(3000)));
            schedule(requested, customerId, () -> List.of(new ReleaseRequested(customerId, orderId, amount, "good payer",
                    ProposedMeasure.NONE, manager)));
            Instant decided = requested.plus(Duration.ofMinutes(10 + random.nextInt(4000)));
            if (fate < 4) {
                schedule(decided, customerId, () -> List.of(new OrderReleased(customerId, orderId, amount, "ok", null,
                        manager, "credit1")));
                invoice(customerId, currency, manager, orderId, amount, decided.plus(Duration.ofHours(5)));
            } else {
                schedule(decided, customerId, () -> List.of(new OrderRejected(customerId, orderId, amount, "no",
                        manager, "credit1")));
            }
        } else if (fate < 8) {
            schedule(at.plus(Duration.ofDays(2)), customerId, () -> List.of(new OrderCancelled(customerId, orderId, amount,
                    OrderStatus.BLOCKED, "not needed", "erp")));
        } // else it stays blocked
    }

    private void invoice(String customerId, String currency, String manager, String orderId, BigDecimal amount,
                         Instant at) {
        String invoiceId = "I-" + orderId;
        LocalDate issued = LocalDate.ofInstant(at, ZoneOffset.UTC);
        LocalDate due = issued.plusDays(random.nextBoolean() ? 30 : 60);
        schedule(at, customerId, () -> {
            balances.put(invoiceId, amount);
            return List.of(new InvoiceIssued(customerId, invoiceId, orderId, amount, currency, issued, due, null, "erp"));
        });
        int behaviour = random.nextInt(100);
        if (behaviour < 45) {
            pay(customerId, currency, invoiceId, due.minusDays(random.nextInt(15)), null);
        } else if (behaviour < 70) {
            pay(customerId, currency, invoiceId, due.plusDays(5 + random.nextInt(80)), null);
        } else if (behaviour < 82) {
            BigDecimal part = amount.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN);
            pay(customerId, currency, invoiceId, due.plusDays(random.nextInt(20)), part);
            pay(customerId, currency, invoiceId, due.plusDays(30 + random.nextInt(60)), null);
        } // else never paid
        if (random.nextInt(100) < 6) {
            schedule(at(due.plusDays(2), 10), customerId, () -> open(invoiceId)
                    ? List.of(new InvoiceDisputed(customerId, invoiceId, "damaged", manager)) : List.of());
            schedule(at(due.plusDays(12), 10), customerId, () -> {
                if (!open(invoiceId)) {
                    return List.of();
                }
                if (random.nextBoolean()) {
                    return List.of(new DisputeResolved(customerId, invoiceId, DisputeOutcome.REJECTED, null,
                            balances.get(invoiceId), "no damage", "credit1"));
                }
                BigDecimal credited = balances.get(invoiceId).divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN)
                        .max(new BigDecimal("0.01"));
                BigDecimal left = balances.get(invoiceId).subtract(credited);
                balances.put(invoiceId, left);
                return List.of(new DisputeResolved(customerId, invoiceId, DisputeOutcome.CREDITED, credited, left,
                        "credit note", "credit1"));
            });
        }
        dunning(customerId, currency, manager, invoiceId, due);
    }

    private void dunning(String customerId, String currency, String manager, String invoiceId, LocalDate due) {
        int[] days = {3, 10, 15, 30};
        DunningStep[] steps = {DunningStep.REMINDER_1, DunningStep.REMINDER_2, DunningStep.CALL, DunningStep.FORMAL_NOTICE};
        for (int i = 0; i < days.length; i++) {
            DunningStep step = steps[i];
            int late = days[i];
            String assignee = step == DunningStep.CALL ? manager : step == DunningStep.FORMAL_NOTICE ? "CREDIT" : null;
            schedule(at(due.plusDays(late), 6), customerId, () -> open(invoiceId)
                    ? List.of(new DunningStepReached(customerId, invoiceId, step, due.plusDays(late), late,
                    balances.get(invoiceId), currency, assignee, null)) : List.of());
        }
        if (random.nextInt(100) < 30) {
            LocalDate promisedOn = due.plusDays(25);
            schedule(at(due.plusDays(16), 11), customerId, () -> {
                if (!open(invoiceId)) {
                    return List.of();
                }
                promised.add(invoiceId);
                return List.of(new PaymentPromised(customerId, invoiceId, promisedOn, balances.get(invoiceId),
                        promisedOn.plusDays(2), manager));
            });
            if (random.nextBoolean()) {
                pay(customerId, currency, invoiceId, promisedOn, null);
                schedule(at(promisedOn, 23), customerId, () -> promised.contains(invoiceId) && !open(invoiceId)
                        ? List.of(new PaymentPromiseKept(customerId, invoiceId, promisedOn, BigDecimal.ONE)) : List.of());
            }
        }
        if (random.nextInt(100) < 4) {
            schedule(at(due.plusDays(70), 9), customerId, () -> open(invoiceId) ? List.of(
                    new CollectionHandoverApproved(customerId, invoiceId, "Agency A", "long overdue", "SALES", manager),
                    new CollectionHandoverApproved(customerId, invoiceId, "Agency A", "agreed", "CREDIT", "credit1"),
                    new InvoiceHandedOver(customerId, invoiceId, "Agency A", List.of(manager, "credit1")))
                    : List.of());
        }
    }

    /** A payment of {@code amount} (or of all that is open) to the invoice, if anything is open then. */
    private void pay(String customerId, String currency, String invoiceId, LocalDate on, BigDecimal amount) {
        if (on.isAfter(END)) {
            return;
        }
        schedule(at(on, 14), customerId, () -> {
            BigDecimal open = balances.getOrDefault(invoiceId, BigDecimal.ZERO);
            if (open.signum() <= 0) {
                return List.of();
            }
            BigDecimal paid = amount == null ? open : amount.min(open);
            balances.put(invoiceId, open.subtract(paid));
            return List.of(new PaymentRegistered(customerId, "P-" + UUID.randomUUID(), paid, currency,
                    on.minusDays(random.nextInt(2)), invoiceId, List.of(new Allocation(invoiceId, paid)),
                    BigDecimal.ZERO, "erp"));
        });
    }

    private boolean open(String invoiceId) {
        return balances.getOrDefault(invoiceId, BigDecimal.ZERO).signum() > 0;
    }

    private void schedule(Instant at, String customerId, Supplier<List<Object>> step) {
        scheduleOn("CustomerAccount", customerId, at, step);
    }

    private void scheduleOn(String aggregateType, String aggregateId, Instant at, Supplier<List<Object>> step) {
        if (!at.isAfter(at(END, 23))) {
            agenda.add(new Step(at, steps++, aggregateType, aggregateId, step));
        }
    }

    private void run() {
        while (!agenda.isEmpty()) {
            Step step = agenda.poll();
            long offset = 0;
            for (Object event : step.events().get()) {
                long sequence = sequences.merge(step.aggregateId(), 1L, Long::sum) - 1;
                events.add(new GenericDomainEventMessage<>(step.aggregateType(), step.aggregateId(), sequence, event,
                        MetaData.emptyInstance(), UUID.randomUUID().toString(), step.at().plusMillis(offset++)));
            }
        }
        events.sort(Comparator.comparing(DomainEventMessage::getTimestamp));
    }

    private static CreditDecision decision(BigDecimal amount) {
        return new CreditDecision(new BigDecimal("10000.00"), BigDecimal.ZERO, BigDecimal.ZERO, amount, BigDecimal.ZERO,
                0, false, false, "v1");
    }

    private static BigDecimal money(int units, int cents) {
        return BigDecimal.valueOf(units * 100L + cents, 2);
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atStartOfDay(ZoneOffset.UTC).plusHours(hour).toInstant();
    }
}
