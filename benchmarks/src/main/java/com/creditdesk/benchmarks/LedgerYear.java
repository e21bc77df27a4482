package com.creditdesk.benchmarks;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
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

/**
 * A year of a credit department's business for {@code customers} customers, day by day up to {@code end}: each
 * customer's commands run in time order against its {@link LedgerAccount}, so every event is what the aggregate
 * would record then; what the customer, sales or credit do next is planned as it happens (an accepted order is
 * invoiced, an invoice paid on the customer's habit, a call brings a payment or a promise, a formal notice left
 * unanswered a hand-over). One customer in five belongs to {@link #BIG_MANAGER}. A fixed seed: the same year every run.
 */
final class LedgerYear {
    static final String BIG_MANAGER = "am-big";
    private static final int OTHER_MANAGERS = 40;
    private static final String DESCRIPTION = "Weekly delivery of flour and rye to the central bakery, EXW";

    /** One command's events on one account: a commit, as the command side appends it. */
    record Commit(String customerId, Instant at, List<Object> events) {
    }

    private enum Payer { GOOD, LATE, PARTIAL, BAD }

    private enum Kind { INVOICE, CANCEL, REQUEST, DECIDE, PAY, DISPUTE, RESOLVE, PROMISE, HANDOVER }

    /** Something planned for a day and minute: {@code ref} is the order or invoice, {@code amount} a payment's. */
    private record Planned(LocalDate day, int minute, long order, Kind kind, String ref, BigDecimal amount) {
    }

    private record Action(int minute, long order, Customer customer, Runnable run) {
    }

    private final class Customer {
        final LedgerAccount account;
        final Random random;
        final Payer payer;
        final BigDecimal typicalOrder;
        final double ordersPerWorkingDay;
        final LocalDate opensOn;
        final PriorityQueue<Planned> planned = new PriorityQueue<>(
                Comparator.comparing(Planned::day).thenComparingInt(Planned::minute).thenComparingLong(Planned::order));
        int ids;
        Instant lastAt;

        Customer(int index, Random random) {
            this.random = random;
            String id = customerId(index);
            Segment segment = pick(random, 70, 20) == 0 ? Segment.SMB : pick(random, 67, 33) == 0
                    ? Segment.ENTERPRISE : Segment.PUBLIC;
            Language language = Language.values()[random.nextInt(Language.values().length)];
            String manager = index % 5 == 0 ? BIG_MANAGER : String.format("am-%02d", index % OTHER_MANAGERS);
            String name = switch (language) {
                case nl -> "Bakkerij ";
                case fr -> "Boulangerie ";
                default -> "Bakery ";
            } + id;
            this.account = new LedgerAccount(id, name, segment, manager, language,
                    random.nextBoolean() ? "ap@" + id.toLowerCase() + ".example" : null);
            int p = random.nextInt(100);
            this.payer = p < 60 ? Payer.GOOD : p < 85 ? Payer.LATE : p < 95 ? Payer.PARTIAL : Payer.BAD;
            this.typicalOrder = money(200 * Math.exp(random.nextDouble() * 3.7));
            this.ordersPerWorkingDay = 1.0 / (8 + random.nextInt(13));
            this.opensOn = start.plusDays(random.nextInt(14));
        }

        void plan(LocalDate day, int minute, Kind kind, String ref, BigDecimal amount) {
            if (!day.isAfter(end)) {
                planned.add(new Planned(day, Math.min(minute, 24 * 60 - 1), sequence++, kind, ref, amount));
            }
        }

        String nextId(String prefix) {
            return prefix + account.customerId.substring(2) + "-" + (++ids);
        }
    }

    private final List<Customer> customers = new ArrayList<>();
    private final LocalDate start;
    private final LocalDate end;
    private final Instant endInstant;
    /** The dunning timers: each DunningScheduled plans an AdvanceDunning of its invoice on its day. */
    private final Map<LocalDate, List<Planned>> timers = new HashMap<>();
    private final Map<LocalDate, List<Customer>> timerCustomers = new HashMap<>();
    private long sequence;

    LedgerYear(int customerCount, Instant end, long seed) {
        this.endInstant = end;
        this.end = LocalDate.ofInstant(end, ZoneOffset.UTC);
        this.start = this.end.minusDays(364);
        for (int i = 0; i < customerCount; i++) {
            customers.add(new Customer(i, new Random(seed * 1_000_003L + i)));
        }
    }

    static String customerId(int index) {
        return String.format("L-%06d", index);
    }

    LocalDate start() {
        return start;
    }

    LocalDate end() {
        return end;
    }

    /** Every account's state at the end, for the ledger's totals. */
    List<LedgerAccount> accounts() {
        return customers.stream().map(c -> c.account).toList();
    }

    /** The commits of one day, in time order; none after the end instant. */
    List<Commit> day(LocalDate day) {
        List<Action> actions = new ArrayList<>();
        for (Customer customer : customers) {
            if (day.isBefore(customer.opensOn)) {
                continue;
            }
            if (day.equals(customer.opensOn)) {
                opening(customer, actions);
                continue;
            }
            while (!customer.planned.isEmpty() && !customer.planned.peek().day().isAfter(day)) {
                Planned planned = customer.planned.poll();
                actions.add(new Action(planned.minute(), planned.order(), customer, () -> run(customer, planned, day)));
            }
            boolean workingDay = day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
            if (workingDay && customer.random.nextDouble() < customer.ordersPerWorkingDay) {
                actions.add(new Action(8 * 60 + customer.random.nextInt(9 * 60), sequence++, customer,
                        () -> order(customer, day)));
            }
            if (workingDay && customer.random.nextInt(1000) < 3) {
                actions.add(new Action(9 * 60 + customer.random.nextInt(8 * 60), sequence++, customer,
                        () -> signal(customer, day)));
            }
            if (day.equals(customer.opensOn.plusDays(182)) && customer.random.nextInt(5) == 0) {
                actions.add(new Action(11 * 60, sequence++, customer, () -> emit(customer, day, 11 * 60,
                        customer.account.setLimit(roundUp(customer.account.effectiveLimit().multiply(
                                BigDecimal.valueOf(0.6 + customer.random.nextDouble() * 0.9))), LimitSource.ANALYST,
                                "half-year review", day.plusDays(182), "credit1"))));
            }
        }
        // the dunning timers fire just after midnight, as JobRunr runs them on their day
        List<Planned> due = timers.remove(day);
        List<Customer> dueCustomers = timerCustomers.remove(day);
        for (int i = 0; due != null && i < due.size(); i++) {
            Customer customer = dueCustomers.get(i);
            Planned timer = due.get(i);
            actions.add(new Action(timer.minute(), timer.order(), customer, () -> run(customer, timer, day)));
        }
        actions.sort(Comparator.comparingInt(Action::minute).thenComparingLong(Action::order));
        commits.clear();
        for (Action action : actions) {
            minuteNow = action.minute();
            action.run().run();
        }
        return List.copyOf(commits);
    }

    private final List<Commit> commits = new ArrayList<>();
    private static final Kind ADVANCE = null; // a timer: Planned with no kind

    private void opening(Customer c, List<Action> actions) {
        LocalDate day = c.opensOn;
        int minute = 8 * 60 + c.random.nextInt(6 * 60);
        BigDecimal limit = roundUp(c.typicalOrder.multiply(BigDecimal.valueOf(3 + c.random.nextInt(7))));
        boolean insured = c.random.nextInt(10) < 3;
        BigDecimal insurerLimit = roundUp(limit.multiply(BigDecimal.valueOf(0.7 + c.random.nextDouble() * 0.6)));
        actions.add(new Action(minute, sequence++, c, () -> {
            emit(c, day, minute, c.account.open());
            emit(c, day, minute + 20, c.account.setLimit(limit, LimitSource.ANALYST, "initial assessment",
                    day.plusYears(1), "credit1"));
            if (insured) {
                emit(c, day, minute + 40, c.account.setLimit(insurerLimit, LimitSource.INSURER, "credit insurer cover",
                        null, "erp"));
            }
        }));
    }

    private void order(Customer c, LocalDate day) {
        String orderId = c.nextId("LO-");
        BigDecimal amount = money(c.typicalOrder.doubleValue() * (0.3 + c.random.nextDouble() * 1.4));
        int minute = minuteNow;
        List<Object> events = c.account.placeOrder(orderId, amount, DESCRIPTION, day);
        emit(c, day, minute, events);
        if (c.account.orders.get(orderId).status == OrderStatus.ACCEPTED) {
            if (c.random.nextInt(1000) < 15) {
                c.plan(day.plusDays(1), 10 * 60, Kind.CANCEL, orderId, null);
            } else {
                c.plan(day.plusDays(1 + c.random.nextInt(4)), 18 * 60 + c.random.nextInt(60), Kind.INVOICE, orderId,
                        null);
            }
        } else if (c.random.nextInt(10) < 6) {
            int after = minute + 120 + c.random.nextInt(28 * 60);
            c.plan(day.plusDays(after / (24 * 60)), after % (24 * 60), Kind.REQUEST, orderId, null);
        } else {
            c.plan(day.plusDays(3 + c.random.nextInt(18)), 10 * 60 + c.random.nextInt(60), Kind.CANCEL, orderId, null);
        }
    }

    private void signal(Customer c, LocalDate day) {
        boolean good = c.random.nextBoolean();
        SignalCategory category = good ? (c.random.nextBoolean() ? SignalCategory.GROWTH : SignalCategory.NEW_INVESTMENT)
                : List.of(SignalCategory.WAREHOUSE_INACTIVE, SignalCategory.STAFF_TURNOVER, SignalCategory.COMPLAINTS)
                .get(c.random.nextInt(3));
        // LOW warnings and good news open no credit review, so no order of the ledger waits for one
        emit(c, day, minuteNow, c.account.reportSignal(c.nextId("LS-"), category, good ? Severity.MEDIUM : Severity.LOW,
                good ? "new production line ordered" : "seen on a visit", day));
    }

    private int minuteNow;

    private void run(Customer c, Planned p, LocalDate day) {
        LedgerAccount account = c.account;
        int minute = p.minute();
        if (p.kind() == ADVANCE) {
            LedgerAccount.Invoice invoice = account.invoices.get(p.ref());
            List<Object> events = account.advanceDunning(invoice, day);
            emit(c, day, minute, events);
            events.stream().filter(DunningStepReached.class::isInstance).map(DunningStepReached.class::cast)
                    .forEach(step -> reactTo(c, invoice, step.step(), day));
            return;
        }
        LedgerAccount.Order order = account.orders.get(p.ref());
        LedgerAccount.Invoice invoice = account.invoices.get(p.ref());
        switch (p.kind()) {
            case INVOICE -> {
                if (order.open()) {
                    String invoiceId = "LI-" + order.orderId.substring(3);
                    emit(c, day, minute, account.issueInvoice(invoiceId, order, day));
                    planPayments(c, account.invoices.get(invoiceId));
                }
            }
            case CANCEL -> {
                if (order.status == OrderStatus.ACCEPTED || order.status == OrderStatus.BLOCKED) {
                    emit(c, day, minute, account.cancel(order, "no longer needed"));
                }
            }
            case REQUEST -> {
                if (order.status == OrderStatus.BLOCKED) {
                    emit(c, day, minute, account.requestRelease(order, "long-standing customer, pays well",
                            ProposedMeasure.values()[c.random.nextInt(ProposedMeasure.values().length)]));
                    int after = minute + 60 + c.random.nextInt(47 * 60);
                    c.plan(day.plusDays(after / (24 * 60)), after % (24 * 60), Kind.DECIDE, order.orderId, null);
                }
            }
            case DECIDE -> {
                if (order.status == OrderStatus.BLOCKED) {
                    boolean release = c.random.nextInt(100) < 65;
                    emit(c, day, minute, account.decideRelease(order, release, release ? "released on the measure"
                            : "too much overdue"));
                    if (release) {
                        c.plan(day.plusDays(1 + c.random.nextInt(3)), 18 * 60 + c.random.nextInt(60), Kind.INVOICE,
                                order.orderId, null);
                    }
                }
            }
            case PAY -> pay(c, p, day, minute);
            case DISPUTE -> {
                if (invoice.open() && !invoice.handedOver && !invoice.disputed) {
                    emit(c, day, minute, account.dispute(invoice, "delivery incomplete", day));
                    c.plan(day.plusDays(5 + c.random.nextInt(21)), 14 * 60 + c.random.nextInt(120), Kind.RESOLVE,
                            invoice.invoiceId, null);
                }
            }
            case RESOLVE -> {
                if (invoice.disputed) {
                    BigDecimal credited = c.random.nextBoolean() ? null : invoice.balance.multiply(
                            BigDecimal.valueOf(10 + c.random.nextInt(91))).divide(BigDecimal.valueOf(100), 2,
                            RoundingMode.DOWN).max(new BigDecimal("0.01")).min(invoice.balance);
                    emit(c, day, minute, account.resolveDispute(invoice, credited,
                            credited == null ? "delivery confirmed" : "credit note for the missing part", day));
                    if (invoice.open()) {
                        c.plan(day.plusDays(3 + c.random.nextInt(13)), 7 * 60 + c.random.nextInt(120), Kind.PAY,
                                invoice.invoiceId, invoice.balance);
                    }
                }
            }
            case PROMISE -> {
                if (invoice.dunnable() && !invoice.promiseValidOn(day)) {
                    LocalDate promisedOn = day.plusDays(5 + c.random.nextInt(11));
                    BigDecimal amount = c.random.nextInt(10) < 7 ? invoice.balance
                            : invoice.balance.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
                    emit(c, day, minute, account.promise(invoice, promisedOn, amount, day));
                    if (c.random.nextInt(100) < 85) { // most promises are kept
                        c.plan(promisedOn, 7 * 60 + c.random.nextInt(120), Kind.PAY, invoice.invoiceId, amount);
                    }
                }
            }
            case HANDOVER -> {
                if (invoice.dunnable() && !invoice.disputed) {
                    emit(c, day, minute, account.approveHandover(invoice, "Incasso Vlaanderen"));
                    if (invoice.approvals == 1) {
                        c.plan(day.plusDays(1 + c.random.nextInt(3)), 15 * 60, Kind.HANDOVER, invoice.invoiceId, null);
                    }
                }
            }
            default -> throw new IllegalStateException(p.kind().name());
        }
    }

    /** The customer's habit decides when the invoice is paid; some pay several invoices at once, without a reference. */
    private void planPayments(Customer c, LedgerAccount.Invoice invoice) {
        LocalDate due = invoice.dueDate;
        int morning = 7 * 60 + c.random.nextInt(120);
        BigDecimal all = invoice.balance;
        switch (c.payer) {
            case GOOD -> {
                LocalDate on = c.random.nextInt(100) < 85 ? due.minusDays(c.random.nextInt(11))
                        : due.plusDays(1 + c.random.nextInt(5));
                c.plan(on, morning, Kind.PAY, c.random.nextInt(5) == 0 ? null : invoice.invoiceId, all);
            }
            case LATE -> c.plan(due.plusDays(5 + c.random.nextInt(41)), morning, Kind.PAY, invoice.invoiceId, all);
            case PARTIAL -> {
                BigDecimal part = all.multiply(BigDecimal.valueOf(30 + c.random.nextInt(41)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
                c.plan(due.plusDays(c.random.nextInt(8) - 2), morning, Kind.PAY, invoice.invoiceId, part);
                c.plan(due.plusDays(10 + c.random.nextInt(31)), morning, Kind.PAY, invoice.invoiceId, all);
            }
            case BAD -> {
                if (c.random.nextInt(10) < 4) {
                    c.plan(due.plusDays(30 + c.random.nextInt(61)), morning, Kind.PAY, invoice.invoiceId, all);
                }
            }
        }
        if (c.random.nextInt(100) < 3) {
            c.plan(invoice.issueDate.plusDays(5 + c.random.nextInt(16)), 10 * 60 + c.random.nextInt(240), Kind.DISPUTE,
                    invoice.invoiceId, null);
        }
    }

    /** A targeted payment pays at most what is open (nothing when nothing is); a disputed invoice waits. */
    private void pay(Customer c, Planned p, LocalDate day, int minute) {
        LedgerAccount account = c.account;
        BigDecimal amount = p.amount();
        if (p.ref() != null) {
            LedgerAccount.Invoice invoice = account.invoices.get(p.ref());
            if (!invoice.open()) {
                return;
            }
            if (invoice.disputed) {
                c.plan(day.plusDays(7), minute, Kind.PAY, p.ref(), amount);
                return;
            }
            amount = amount.min(invoice.balance);
        } else if (account.invoices.values().stream().noneMatch(LedgerAccount.Invoice::open)) {
            return;
        }
        emit(c, day, minute, account.registerPayment(c.nextId("LP-"), amount, day, p.ref(), day));
    }

    /** What people do when dunning reaches a step: most pay after the call, bad payers promise or go to collection. */
    private void reactTo(Customer c, LedgerAccount.Invoice invoice, DunningStep step, LocalDate day) {
        switch (step) {
            case CALL -> {
                if (c.payer != Payer.BAD) {
                    c.plan(day.plusDays(1 + c.random.nextInt(7)), 7 * 60 + c.random.nextInt(120), Kind.PAY,
                            invoice.invoiceId, invoice.balance);
                } else if (c.random.nextInt(10) < 4) {
                    c.plan(day.plusDays(1), 10 * 60 + c.random.nextInt(60), Kind.PROMISE, invoice.invoiceId, null);
                }
            }
            case FORMAL_NOTICE -> {
                if (c.random.nextInt(10) < 3) {
                    c.plan(day.plusDays(5 + c.random.nextInt(16)), 7 * 60 + c.random.nextInt(120), Kind.PAY,
                            invoice.invoiceId, invoice.balance);
                }
            }
            case COLLECTION_PROPOSAL -> {
                if (c.random.nextBoolean()) {
                    c.plan(day.plusDays(3), 11 * 60, Kind.HANDOVER, invoice.invoiceId, null);
                }
            }
            default -> {
            }
        }
    }

    /** One command's events as one commit at that minute of the day; plans a timer for every DunningScheduled. */
    private void emit(Customer c, LocalDate day, int minute, List<Object> events) {
        if (events.isEmpty()) {
            return;
        }
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(minute * 60L + c.random.nextInt(60));
        // an account's commands follow each other: its commits stay in the order its state saw them
        at = c.lastAt != null && !at.isAfter(c.lastAt) ? c.lastAt.plusMillis(1) : at;
        c.lastAt = at;
        if (at.isAfter(endInstant)) {
            return; // not yet happened: the account's state runs ahead of the store only at the very end
        }
        commits.add(new Commit(c.account.customerId, at, events));
        for (Object event : events) {
            if (event instanceof DunningScheduled scheduled) {
                Planned timer = new Planned(scheduled.dueOn(), 5 + c.random.nextInt(55), sequence++, ADVANCE,
                        scheduled.invoiceId(), null);
                timers.computeIfAbsent(scheduled.dueOn(), d -> new ArrayList<>()).add(timer);
                timerCustomers.computeIfAbsent(scheduled.dueOn(), d -> new ArrayList<>()).add(c);
            }
        }
    }

    private static int pick(Random random, int first, int second) {
        return random.nextInt(first + second) < first ? 0 : 1;
    }

    private static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** Limits in whole thousands, at least 1,000. */
    private static BigDecimal roundUp(BigDecimal amount) {
        return amount.divide(BigDecimal.valueOf(1000), 0, RoundingMode.UP).max(BigDecimal.ONE)
                .multiply(BigDecimal.valueOf(1000)).setScale(2, RoundingMode.UNNECESSARY);
    }
}
