package com.creditdesk.query.kpi;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.kpi.CollectionQueries.CollectionNumbers;
import com.creditdesk.api.kpi.CollectionQueries.GetCollectionNumbers;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.query.common.DatedSums;
import com.creditdesk.query.common.KeyedViews;
import com.creditdesk.query.common.ProjectionBatch;
import com.creditdesk.query.invoice.ReceivablesLedger;
import com.creditdesk.query.kpi.CollectionInputs.DayPair;
import com.creditdesk.query.kpi.CollectionInputs.ManagerLedger;
import com.creditdesk.query.kpi.CollectionInputs.StepSums;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the collection numbers need, kept as the KPIs are: per invoice (a document of its own, so what a batch reads
 * and writes does not grow with the customer's history) its dated facts (the dunning steps reached and the
 * settlements, each with the account's sequence of its event, so a delivery again works out the same change from what
 * came before it), per customer the scopes its sums go to, and sums per day in monthly documents: per segment, step
 * and currency the invoices that reached a step, those paid in full and what was settled within 30 days after it; per
 * account manager and currency their customers' receivables, orders booked and payments collected. A request reads
 * the sums of the months it covers (and, for balances, the managers' sums of every month), never the invoices.
 */
@Component
@ProcessingGroup(KpiProjection.GROUP)
public class CollectionProjection implements ProjectionBatch.Prefetching {
    static final int WINDOW_DAYS = 30;

    /** A customer's segment, account manager and currency: the scopes of its invoices' sums. */
    record CollectionCustomer(String customerId, Segment segment, String accountManager, String currency) {
    }

    /** One invoice of a customer, with its dunning steps and settlements. */
    record CollectionInvoice(String customerId, String invoiceId, BigDecimal amount, LocalDate issueDate,
                             LocalDate dueDate, List<StepFact> steps, List<PaidFact> settlements) {
        CollectionInvoice {
            steps = steps == null ? List.of() : List.copyOf(steps);
            settlements = settlements == null ? List.of() : List.copyOf(settlements);
        }

        /** The balance left by the settlements of events before {@code sequence}. */
        BigDecimal balanceBefore(long sequence) {
            return amount.subtract(settlements.stream().filter(s -> s.sequence() < sequence).map(PaidFact::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }

        CollectionInvoice reached(StepFact step) {
            List<StepFact> more = new ArrayList<>(steps);
            more.add(step);
            return new CollectionInvoice(customerId, invoiceId, amount, issueDate, dueDate, more, settlements);
        }

        CollectionInvoice settled(PaidFact paid) {
            List<PaidFact> more = new ArrayList<>(settlements);
            more.add(paid);
            return new CollectionInvoice(customerId, invoiceId, amount, issueDate, dueDate, steps, more);
        }
    }

    record StepFact(DunningStep step, LocalDate on, long sequence) {
    }

    record PaidFact(LocalDate on, BigDecimal amount, long sequence) {
    }

    private final KeyedViews<CollectionCustomer> customers;
    /** Per {@code customerId|invoiceId} (an invoice's identifier is its customer's). */
    private final KeyedViews<CollectionInvoice> invoices;
    /** Per segment|step|currency: {@code reached} per step day; {@code cured} and {@code collected} per step day|paid day. */
    private final DatedSums steps;
    /** Per manager|currency: {@code invoiced}, {@code settled}, {@code booked}, {@code collected} per day, {@code spans} per from|due. */
    private final DatedSums managers;
    private final ReportingCurrency reporting;

    CollectionProjection(MongoDatabase database, ReportingCurrency reporting) {
        this.customers = new KeyedViews<>(database.getCollection("kpi_collection_customers"), CollectionCustomer.class);
        this.invoices = new KeyedViews<>(database.getCollection("kpi_collection_invoices"), CollectionInvoice.class);
        this.steps = new DatedSums(database.getCollection("kpi_collection_steps"), DatedSums.Period.MONTH);
        this.managers = new DatedSums(database.getCollection("kpi_collection_managers"), DatedSums.Period.MONTH);
        this.reporting = reporting;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        customers.prefetch(batch, events.stream().filter(DomainEventMessage.class::isInstance)
                .filter(m -> m.getPayload() instanceof AccountOpened || m.getPayload() instanceof InvoiceIssued
                        || m.getPayload() instanceof PaymentRegistered || m.getPayload() instanceof DisputeResolved
                        || m.getPayload() instanceof DunningStepReached || m.getPayload() instanceof OrderAccepted
                        || m.getPayload() instanceof OrderReleased)
                .map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier()).distinct().toList());
        invoices.prefetch(batch, events.stream().map(EventMessage::getPayload)
                .flatMap(CollectionProjection::invoiceKeys).distinct().toList());
    }

    private static Stream<String> invoiceKeys(Object event) {
        if (event instanceof InvoiceIssued e) {
            return Stream.of(key(e.customerId(), e.invoiceId()));
        } else if (event instanceof DunningStepReached e) {
            return Stream.of(key(e.customerId(), e.invoiceId()));
        } else if (event instanceof DisputeResolved e) {
            return Stream.of(key(e.customerId(), e.invoiceId()));
        } else if (event instanceof PaymentRegistered e) {
            return e.allocations().stream().map(allocation -> key(e.customerId(), allocation.invoiceId()));
        }
        return Stream.empty();
    }

    private static String key(String customerId, String invoiceId) {
        return customerId + "|" + invoiceId;
    }

    @EventHandler
    void on(AccountOpened e, @SequenceNumber long sequence) {
        customers.create(e.customerId(), sequence, new CollectionCustomer(e.customerId(), e.segment(),
                e.accountManager(), e.currency()));
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence, @MessageIdentifier String event) {
        customers.current(e.customerId()).ifPresent(customer -> {
            String scope = managerScope(customer);
            managers.add(event, scope, e.issueDate(), "invoiced", e.issueDate().toString(), cents(e.amount()));
            if (!e.dueDate().isBefore(e.issueDate())) {
                managers.add(event, scope, e.issueDate(), "spans", e.issueDate() + "|" + e.dueDate(), cents(e.amount()));
            }
            CollectionInvoice issued = new CollectionInvoice(e.customerId(), e.invoiceId(), e.amount(), e.issueDate(),
                    e.dueDate(), List.of(), List.of());
            String key = key(e.customerId(), e.invoiceId());
            if (invoices.current(key).isEmpty()) {
                invoices.create(key, sequence, issued);
            } else {
                invoices.update(key, sequence, known -> issued);
            }
        });
    }

    @EventHandler
    void on(DunningStepReached e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        LocalDate on = e.dueOn() == null ? day(at) : e.dueOn();
        String key = key(e.customerId(), e.invoiceId());
        customers.current(e.customerId()).ifPresent(customer -> invoices.current(key).ifPresent(invoice -> {
            steps.add(event, stepScope(customer, e.step()), on, "reached", on.toString(), 1);
            invoices.update(key, sequence, known -> known.reached(new StepFact(e.step(), on, sequence)));
        }));
    }

    @EventHandler
    void on(PaymentRegistered e, @SequenceNumber long sequence, @MessageIdentifier String event) {
        customers.current(e.customerId()).ifPresent(customer -> {
            managers.add(event, managerScope(customer), e.receivedOn(), "collected", e.receivedOn().toString(),
                    cents(e.amount()));
            Map<String, BigDecimal> perInvoice = new HashMap<>();
            for (Allocation allocation : e.allocations()) {
                perInvoice.merge(allocation.invoiceId(), allocation.amount(), BigDecimal::add);
            }
            settled(customer, perInvoice, e.receivedOn(), sequence, event);
        });
    }

    @EventHandler
    void on(DisputeResolved e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        if (e.outcome() == DisputeOutcome.CREDITED && e.creditNoteAmount() != null) {
            customers.current(e.customerId()).ifPresent(customer ->
                    settled(customer, Map.of(e.invoiceId(), e.creditNoteAmount()), day(at), sequence, event));
        }
    }

    /**
     * The settlements of one event, worked out from the facts of the events before it (whether or not an earlier
     * delivery already stored this one's): the manager's receivables, and per step reached before it what was
     * collected within 30 days after the step, and the cure if it paid the invoice in full.
     */
    private void settled(CollectionCustomer customer, Map<String, BigDecimal> perInvoice, LocalDate on, long sequence,
                         String event) {
        String scope = managerScope(customer);
        perInvoice.forEach((invoiceId, amount) -> invoices.current(key(customer.customerId(), invoiceId))
                .ifPresent(invoice -> {
            LocalDate day = on.isBefore(invoice.issueDate()) ? invoice.issueDate() : on;
            managers.add(event, scope, day, "settled", day.toString(), cents(amount));
            if (!day.isAfter(invoice.dueDate())) {
                managers.add(event, scope, day, "spans", day + "|" + invoice.dueDate(), -cents(amount));
            }
            BigDecimal before = invoice.balanceBefore(sequence);
            boolean paidInFull = before.signum() > 0 && before.subtract(amount).signum() <= 0;
            for (StepFact step : invoice.steps()) {
                LocalDate paidOn = on.isBefore(step.on()) ? step.on() : on;
                if (step.sequence() >= sequence || ChronoUnit.DAYS.between(step.on(), paidOn) > WINDOW_DAYS) {
                    continue;
                }
                String stepAndPaid = step.on() + "|" + paidOn;
                steps.add(event, stepScope(customer, step.step()), step.on(), "collected", stepAndPaid,
                        cents(amount.min(before.max(BigDecimal.ZERO))));
                if (paidInFull) {
                    steps.add(event, stepScope(customer, step.step()), step.on(), "cured", stepAndPaid, 1);
                }
            }
            invoices.update(key(customer.customerId(), invoiceId), sequence,
                    known -> known.settled(new PaidFact(on, amount, sequence)));
        }));
    }

    @EventHandler
    void on(OrderAccepted e, @Timestamp Instant at, @MessageIdentifier String event) {
        booked(e.customerId(), e.amount(), at, event);
    }

    @EventHandler
    void on(OrderReleased e, @Timestamp Instant at, @MessageIdentifier String event) {
        booked(e.customerId(), e.amount(), at, event);
    }

    private void booked(String customerId, BigDecimal amount, Instant at, String event) {
        customers.current(customerId).ifPresent(customer ->
                managers.add(event, managerScope(customer), day(at), "booked", day(at).toString(), cents(amount)));
    }

    @ResetHandler
    void reset() {
        customers.clear();
        invoices.clear();
        steps.clear();
        managers.clear();
    }

    @QueryHandler
    public CollectionNumbers handle(GetCollectionNumbers query) {
        return CollectionFigures.of(query.asOf(), inputs(query.asOf()), reporting);
    }

    /** The step sums of the 12 months up to {@code asOf}, the managers' sums of every month. */
    CollectionInputs inputs(LocalDate asOf) {
        LocalDate first = asOf.withDayOfMonth(1).minusMonths(CollectionFigures.MONTHS - 1L);
        List<StepSums> stepSums = new ArrayList<>();
        steps.between(first, asOf, "reached", "cured", "collected").sums().forEach((scope, maps) -> {
            String[] parts = scope.split("\\|");
            Map<LocalDate, Long> reached = new HashMap<>();
            maps.getOrDefault("reached", Map.of()).forEach((day, n) -> reached.put(LocalDate.parse(day), n));
            Map<DayPair, Long> cured = new HashMap<>();
            maps.getOrDefault("cured", Map.of()).forEach((key, n) -> cured.put(pair(key), n));
            Map<DayPair, BigDecimal> collected = new HashMap<>();
            maps.getOrDefault("collected", Map.of()).forEach((key, n) -> collected.put(pair(key), amount(n)));
            stepSums.add(new StepSums(Segment.valueOf(parts[0]), DunningStep.valueOf(parts[1]), parts[2], reached,
                    cured, collected));
        });
        List<ManagerLedger> ledgers = new ArrayList<>();
        managers.all("invoiced", "settled", "spans", "booked", "collected").sums().forEach((scope, maps) -> {
            int separator = scope.lastIndexOf('|');
            Map<ReceivablesLedger.Span, BigDecimal> spans = new HashMap<>();
            maps.getOrDefault("spans", Map.of()).forEach((key, n) -> {
                DayPair span = pair(key);
                if (n != 0) {
                    spans.put(new ReceivablesLedger.Span(span.stepOn(), span.paidOn()), amount(n));
                }
            });
            ledgers.add(new ManagerLedger(scope.substring(0, separator), scope.substring(separator + 1),
                    new ReceivablesLedger.History(days(maps.get("invoiced")), days(maps.get("settled")), spans),
                    days(maps.get("booked")), days(maps.get("collected"))));
        });
        return new CollectionInputs(stepSums, ledgers);
    }

    private static TreeMap<LocalDate, BigDecimal> days(Map<String, Long> perDay) {
        TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
        if (perDay != null) {
            perDay.forEach((day, n) -> days.put(LocalDate.parse(day), amount(n)));
        }
        return days;
    }

    private static DayPair pair(String key) {
        int separator = key.indexOf('|');
        return new DayPair(LocalDate.parse(key.substring(0, separator)), LocalDate.parse(key.substring(separator + 1)));
    }

    private static String stepScope(CollectionCustomer customer, DunningStep step) {
        return customer.segment() + "|" + step + "|" + customer.currency();
    }

    private static String managerScope(CollectionCustomer customer) {
        return customer.accountManager() + "|" + customer.currency();
    }

    private static long cents(BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }

    private static BigDecimal amount(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
