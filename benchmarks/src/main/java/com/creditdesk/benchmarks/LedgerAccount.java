package com.creditdesk.benchmarks;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.CreditLimits;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
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
import com.creditdesk.api.order.CreditPolicy;
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
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.command.dunning.ReminderLetters;
import com.creditdesk.command.dunning.ReminderTemplates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One ledger customer's account, kept as {@code CustomerAccount} keeps it, so each method returns exactly the events
 * the aggregate would record for that command on that day (same rules, same order, same sums: the empty sums are
 * {@code BigDecimal.ZERO} as there). Only the parts the ledger uses: no securities (so active securities are 0), no
 * credit reviews (the signals are LOW warnings or good news), no term changes. {@code today} is the command's day.
 */
final class LedgerAccount {
    private static final int PROMISE_GRACE_DAYS = 2;
    private static final ReminderTemplates TEMPLATES = new ReminderTemplates();

    final String customerId;
    final String name;
    final Segment segment;
    final String accountManager;
    final Language language;
    final String email;
    private BigDecimal analystLimit;
    private BigDecimal insurerLimit;
    private boolean onHold;
    final Map<String, Order> orders = new HashMap<>();
    final Map<String, Invoice> invoices = new LinkedHashMap<>();

    static final class Order {
        final String orderId;
        final BigDecimal amount;
        OrderStatus status;
        String requestedBy;

        Order(String orderId, BigDecimal amount, OrderStatus status) {
            this.orderId = orderId;
            this.amount = amount;
            this.status = status;
        }

        boolean open() {
            return status == OrderStatus.ACCEPTED || status == OrderStatus.RELEASED;
        }
    }

    /** {@code OpenInvoice} with its promise and dunning state, mutable here since nothing else reads it. */
    static final class Invoice {
        final String invoiceId;
        final LocalDate issueDate;
        final LocalDate dueDate;
        BigDecimal balance;
        boolean disputed;
        boolean handedOver;
        int approvals;
        LocalDate promisedOn;
        BigDecimal promised;
        LocalDate pausedUntil;
        BigDecimal promisePaid;
        DunningStep reached;
        int pausedDays;
        LocalDate pausedSince;

        Invoice(String invoiceId, BigDecimal amount, LocalDate issueDate, LocalDate dueDate) {
            this.invoiceId = invoiceId;
            this.balance = amount;
            this.issueDate = issueDate;
            this.dueDate = dueDate;
        }

        boolean open() {
            return balance.signum() > 0;
        }

        boolean dunnable() {
            return open() && !handedOver;
        }

        boolean promiseValidOn(LocalDate day) {
            return promisedOn != null && !day.isAfter(pausedUntil);
        }

        boolean overdue(LocalDate today) {
            return balance.signum() > 0 && today.isAfter(dueDate);
        }

        long daysPastDue(LocalDate today) {
            return Math.max(0, ChronoUnit.DAYS.between(dueDate, today));
        }

        LocalDate stepDueOn(DunningStep step, Segment segment) {
            return dueDate.plusDays(step.daysAfterDue(segment) + (long) pausedDays);
        }
    }

    LedgerAccount(String customerId, String name, Segment segment, String accountManager, Language language,
                  String email) {
        this.customerId = customerId;
        this.name = name;
        this.segment = segment;
        this.accountManager = accountManager;
        this.language = language;
        this.email = email;
    }

    List<Object> open() {
        return List.of(new AccountOpened(customerId, name, segment, "EUR", accountManager, language, "erp", email));
    }

    List<Object> setLimit(BigDecimal amount, LimitSource source, String reason, LocalDate reviewDate, String actor) {
        BigDecimal before = effectiveLimit();
        if (source == LimitSource.ANALYST) {
            analystLimit = amount;
        } else {
            insurerLimit = amount;
        }
        BigDecimal after = effectiveLimit();
        List<Object> events = new ArrayList<>();
        events.add(new CreditLimitSet(customerId, amount, source, reason, reviewDate, before, after, actor));
        BigDecimal exposure = exposure();
        if (after.compareTo(before) < 0 && exposure.compareTo(after.add(BigDecimal.ZERO)) > 0) {
            events.add(new LimitExceeded(customerId, null, after, BigDecimal.ZERO, exposure, BigDecimal.ZERO,
                    exposure.subtract(after.add(BigDecimal.ZERO)), actor));
        }
        return events;
    }

    List<Object> placeOrder(String orderId, BigDecimal amount, String description, LocalDate today) {
        CreditDecision decision = new CreditDecision(effectiveLimit(), BigDecimal.ZERO, exposure(), amount,
                overdueBalance(today), oldestDaysPastDue(today), false, onHold, CreditPolicy.V1.version());
        List<BlockReason> reasons = CreditPolicy.V1.reasonsFor(decision);
        if (reasons.isEmpty()) {
            orders.put(orderId, new Order(orderId, amount, OrderStatus.ACCEPTED));
            return List.of(new OrderAccepted(customerId, orderId, amount, "EUR", description, decision, "erp"));
        }
        orders.put(orderId, new Order(orderId, amount, OrderStatus.BLOCKED));
        List<Object> events = new ArrayList<>();
        events.add(new OrderBlocked(customerId, orderId, amount, "EUR", description, reasons, decision, "erp"));
        if (reasons.contains(BlockReason.LIMIT_EXCEEDED)) {
            BigDecimal room = decision.effectiveLimit().add(decision.activeSecurities());
            BigDecimal wanted = decision.exposureBefore().add(amount);
            events.add(new LimitExceeded(customerId, orderId, decision.effectiveLimit(), decision.activeSecurities(),
                    decision.exposureBefore(), amount, wanted.subtract(room), "erp"));
        }
        return events;
    }

    List<Object> requestRelease(Order order, String justification, ProposedMeasure measure) {
        order.requestedBy = accountManager;
        return List.of(new ReleaseRequested(customerId, order.orderId, order.amount, justification, measure,
                accountManager));
    }

    List<Object> decideRelease(Order order, boolean release, String note) {
        if (release) {
            order.status = OrderStatus.RELEASED;
            return List.of(new OrderReleased(customerId, order.orderId, order.amount, note, null, order.requestedBy,
                    "credit1"));
        }
        order.status = OrderStatus.REJECTED;
        return List.of(new OrderRejected(customerId, order.orderId, order.amount, note, order.requestedBy,
                "credit1"));
    }

    List<Object> cancel(Order order, String reason) {
        OrderStatus previous = order.status;
        order.status = OrderStatus.CANCELLED;
        return List.of(new OrderCancelled(customerId, order.orderId, order.amount, previous, reason, "erp"));
    }

    /** Issued on the terms in force (the segment's standard: no due date given), then its first step planned. */
    List<Object> issueInvoice(String invoiceId, Order order, LocalDate issueDate) {
        int termDays = segment.standardTermDays();
        Invoice invoice = new Invoice(invoiceId, order.amount, issueDate, issueDate.plusDays(termDays));
        invoices.put(invoiceId, invoice);
        order.status = OrderStatus.INVOICED;
        List<Object> events = new ArrayList<>();
        events.add(new InvoiceIssued(customerId, invoiceId, order.orderId, order.amount, "EUR", issueDate,
                invoice.dueDate, termDays, "erp"));
        planNextStep(invoice, events);
        return events;
    }

    /** To the named invoice, else oldest open first (due date, then issue date); the rest is unapplied. */
    List<Object> registerPayment(String paymentId, BigDecimal amount, LocalDate receivedOn, String invoiceId,
                                 LocalDate today) {
        List<Invoice> candidates = invoiceId == null ? List.copyOf(invoices.values())
                : List.of(invoices.get(invoiceId));
        List<Invoice> ordered = candidates.stream().filter(i -> i.balance.signum() > 0)
                .sorted(Comparator.comparing((Invoice i) -> i.dueDate).thenComparing(i -> i.issueDate)).toList();
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (Invoice invoice : ordered) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(invoice.balance);
            allocations.add(new Allocation(invoice.invoiceId, part));
            left = left.subtract(part);
        }
        List<Object> events = new ArrayList<>();
        events.add(new PaymentRegistered(customerId, paymentId, amount, "EUR", receivedOn, invoiceId, allocations,
                left, "erp"));
        for (Allocation allocation : allocations) {
            Invoice invoice = invoices.get(allocation.invoiceId());
            if (invoice.promisedOn != null && invoice.promiseValidOn(receivedOn)) {
                invoice.promisePaid = invoice.promisePaid.add(allocation.amount());
            }
            invoice.balance = invoice.balance.subtract(allocation.amount());
        }
        for (Allocation allocation : allocations) {
            Invoice invoice = invoices.get(allocation.invoiceId());
            if (invoice.promisedOn != null && invoice.promisePaid.compareTo(invoice.promised) >= 0) {
                events.add(new PaymentPromiseKept(customerId, invoice.invoiceId, invoice.promisedOn, invoice.promised));
                invoice.promisedOn = null;
                resumeDunning(invoice, "promise kept, a balance remains", today, events);
            }
        }
        return events;
    }

    List<Object> dispute(Invoice invoice, String reason, LocalDate today) {
        invoice.disputed = true;
        pausedFrom(invoice, today);
        return List.of(new InvoiceDisputed(customerId, invoice.invoiceId, reason, accountManager));
    }

    /** {@code credited} null for REJECTED; at most the balance. */
    List<Object> resolveDispute(Invoice invoice, BigDecimal credited, String note, LocalDate today) {
        DisputeOutcome outcome = credited == null ? DisputeOutcome.REJECTED : DisputeOutcome.CREDITED;
        BigDecimal balance = credited == null ? invoice.balance : invoice.balance.subtract(credited);
        List<Object> events = new ArrayList<>();
        events.add(new DisputeResolved(customerId, invoice.invoiceId, outcome, credited, balance, note, "credit1"));
        invoice.disputed = false;
        invoice.balance = balance;
        resumeDunning(invoice, "dispute " + outcome.name().toLowerCase(), today, events);
        return events;
    }

    /** The account manager records the customer's promise (at most the balance, on a day not before today). */
    List<Object> promise(Invoice invoice, LocalDate promisedOn, BigDecimal amount, LocalDate today) {
        LocalDate pausedUntil = promisedOn.plusDays(PROMISE_GRACE_DAYS);
        List<Object> events = new ArrayList<>();
        events.add(new PaymentPromised(customerId, invoice.invoiceId, promisedOn, amount, pausedUntil,
                accountManager));
        invoice.promisedOn = promisedOn;
        invoice.promised = amount;
        invoice.pausedUntil = pausedUntil;
        invoice.promisePaid = BigDecimal.ZERO;
        pausedFrom(invoice, today);
        DunningStep.after(invoice.reached).ifPresent(step -> {
            events.add(new DunningScheduled(customerId, invoice.invoiceId, step, pausedUntil.plusDays(1)));
        });
        return events;
    }

    /** Both approvals of a hand-over at once would be one person's two commands: here they are two. */
    List<Object> approveHandover(Invoice invoice, String agency) {
        invoice.approvals++;
        if (invoice.approvals == 1) {
            return List.of(new CollectionHandoverApproved(customerId, invoice.invoiceId, agency,
                    "no answer to the formal notice", "SALES", accountManager));
        }
        List<Object> events = new ArrayList<>();
        events.add(new CollectionHandoverApproved(customerId, invoice.invoiceId, agency, "agreed", "CREDIT",
                "credit1"));
        events.add(new InvoiceHandedOver(customerId, invoice.invoiceId, agency, List.of(accountManager, "credit1")));
        invoice.handedOver = true;
        if (!onHold) {
            events.add(new AccountPutOnHold(customerId, "collection hand-over of invoice " + invoice.invoiceId,
                    "credit1"));
            onHold = true;
        }
        return events;
    }

    List<Object> reportSignal(String signalId, SignalCategory category, Severity severity, String note,
                              LocalDate observedOn) {
        return List.of(new SalesSignalReported(customerId, signalId, category, category.direction(), severity, note,
                observedOn, accountManager));
    }

    /** The timer's wake-up ({@code AdvanceDunning}): every step due by today, in order, then the next one planned. */
    List<Object> advanceDunning(Invoice invoice, LocalDate today) {
        List<Object> events = new ArrayList<>();
        if (!invoice.dunnable() || invoice.disputed) {
            return events;
        }
        boolean moved = false;
        if (invoice.promisedOn != null) {
            if (invoice.promiseValidOn(today)) {
                return events;
            }
            events.add(new PaymentPromiseBroken(customerId, invoice.invoiceId, invoice.promisedOn, invoice.promised,
                    invoice.promisePaid));
            invoice.promisedOn = null;
            invoice.pausedSince = null;
            if (invoice.overdue(today)) {
                Optional<DunningStep> next = DunningStep.after(invoice.reached);
                next.ifPresent(step -> reachStep(invoice, step, today, today, events));
            }
            moved = true;
        }
        for (Optional<DunningStep> next = DunningStep.after(invoice.reached);
             next.isPresent() && !invoice.stepDueOn(next.get(), segment).isAfter(today);
             next = DunningStep.after(invoice.reached)) {
            reachStep(invoice, next.get(), invoice.stepDueOn(next.get(), segment), today, events);
            moved = true;
        }
        if (moved) {
            planNextStep(invoice, events);
        }
        return events;
    }

    boolean onHold() {
        return onHold;
    }

    private void reachStep(Invoice invoice, DunningStep step, LocalDate dueOn, LocalDate today, List<Object> events) {
        long daysPastDue = invoice.daysPastDue(today);
        String assignee = switch (step.performer()) {
            case SALES -> accountManager;
            case CREDIT -> "CREDIT";
            case SYSTEM -> null;
        };
        var message = step.sendsMessage() ? TEMPLATES.render(step, new ReminderLetters.Letter(segment, language,
                name, email, invoice.invoiceId, invoice.balance, "EUR", invoice.dueDate, daysPastDue)) : null;
        events.add(new DunningStepReached(customerId, invoice.invoiceId, step, dueOn, daysPastDue, invoice.balance,
                "EUR", assignee, message));
        invoice.reached = step;
    }

    private void planNextStep(Invoice invoice, List<Object> events) {
        if (invoice.dunnable()) {
            DunningStep.after(invoice.reached).ifPresent(step -> {
                events.add(new DunningScheduled(customerId, invoice.invoiceId, step, invoice.stepDueOn(step, segment)));
            });
        }
    }

    private void resumeDunning(Invoice invoice, String reason, LocalDate today, List<Object> events) {
        if (invoice.dunnable() && !invoice.disputed) {
            int paused = pausedDays(invoice, today);
            events.add(new DunningResumed(customerId, invoice.invoiceId, paused, reason));
            invoice.pausedDays += paused;
            invoice.pausedSince = null;
            planNextStep(invoice, events);
        }
    }

    private static void pausedFrom(Invoice invoice, LocalDate day) {
        if (invoice.pausedSince == null) {
            invoice.pausedSince = day;
        }
    }

    private static int pausedDays(Invoice invoice, LocalDate today) {
        if (invoice.pausedSince == null) {
            return 0;
        }
        LocalDate from = invoice.pausedSince.isAfter(invoice.dueDate) ? invoice.pausedSince : invoice.dueDate;
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, today));
    }

    BigDecimal effectiveLimit() {
        return CreditLimits.effective(analystLimit, insurerLimit);
    }

    /** Open orders plus the outstanding balance of every invoice, as the aggregate sums them. */
    BigDecimal exposure() {
        BigDecimal openOrders = orders.values().stream().filter(Order::open).map(o -> o.amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return openOrders.add(invoices.values().stream().map(i -> i.balance).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    BigDecimal overdueBalance(LocalDate today) {
        return invoices.values().stream().filter(i -> i.overdue(today)).map(i -> i.balance)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private int oldestDaysPastDue(LocalDate today) {
        return (int) invoices.values().stream()
                .filter(i -> i.overdue(today) && !(i.disputed || i.promiseValidOn(today)))
                .mapToLong(i -> i.daysPastDue(today)).max().orElse(0);
    }
}
