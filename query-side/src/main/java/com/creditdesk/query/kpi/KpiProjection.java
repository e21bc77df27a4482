package com.creditdesk.query.kpi;

import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.kpi.KpiQueries.GetKpis;
import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.query.common.DatedSums;
import com.creditdesk.query.common.KeyedViews;
import com.creditdesk.query.common.ProjectionBatch;
import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.creditdesk.query.kpi.KpiFacts.ApplicationDecided;
import com.creditdesk.query.kpi.KpiFacts.ApplicationFacts;
import com.creditdesk.query.kpi.KpiFacts.CustomerInvoices;
import com.creditdesk.query.kpi.KpiFacts.CustomerReviews;
import com.creditdesk.query.kpi.KpiFacts.DueReview;
import com.creditdesk.query.kpi.KpiFacts.InvoiceFacts;
import com.creditdesk.query.kpi.KpiFacts.OrderFacts;
import com.creditdesk.query.kpi.KpiFacts.Settlement;
import com.creditdesk.query.kpi.KpiFacts.SignalFacts;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the KPIs of any period need, kept so that a period reads what it covers and not the whole
 * ledger: the receivables as sums per day ({@link ReceivablesLedger}, kept with the invoices), orders
 * placed and blocked counted per day and, for the first and last day of a period, per instant; release
 * decisions, sales signals and the final decisions on credit applications per month; per customer their invoices'
 * dated facts, read only for the customers a period's signals are about (one document per customer: a document per
 * invoice made that read one lookup per invoice, ten times slower at 100 k events); and per customer the periodic
 * reviews planned and due, found by their due days (indexed).
 */
@Component
@ProcessingGroup(KpiProjection.GROUP)
public class KpiProjection implements ProjectionBatch.Prefetching {
    static final String GROUP = "kpis";
    private static final String ORDERS = "orders";
    private static final String APPLICATIONS = "applications";

    private final KeyedViews<CustomerInvoices> customers;
    private final KeyedViews<OrderFacts> orders;
    /** Per day: orders {@code placed} and {@code blocked}; per decision instant and order: {@code releaseMinutes}. */
    private final DatedSums orderDays;
    /** Per instant: orders {@code placed} and {@code blocked}, for a period that starts or ends within a day. */
    private final DatedSums orderInstants;
    /** Per instant and signal: who reported it about which customer. */
    private final DatedSums signals;
    private final KeyedViews<ApplicationFacts> applications;
    /** Per final decision instant and application: the outcome and the minutes from filing to it. */
    private final DatedSums applicationDecisions;
    /** Per customer: the periodic review planned and those that fell due, by {@code planned} and {@code due.dueOn}. */
    private final KeyedViews<CustomerReviews> reviews;
    private final InvoiceProjection invoices;
    private final ReportingCurrency reporting;
    private final Clock clock;

    KpiProjection(MongoDatabase database, InvoiceProjection invoices, ReportingCurrency reporting, Clock clock) {
        this.customers = new KeyedViews<>(database.getCollection("kpi_customers"), CustomerInvoices.class);
        this.orders = new KeyedViews<>(database.getCollection("kpi_orders"), OrderFacts.class);
        this.orderDays = new DatedSums(database.getCollection("kpi_order_days"), DatedSums.Period.MONTH);
        this.orderInstants = new DatedSums(database.getCollection("kpi_order_instants"), DatedSums.Period.DAY);
        this.signals = new DatedSums(database.getCollection("kpi_signals"), DatedSums.Period.MONTH);
        this.applications = new KeyedViews<>(database.getCollection("kpi_applications"), ApplicationFacts.class);
        this.applicationDecisions = new DatedSums(database.getCollection("kpi_application_decisions"),
                DatedSums.Period.MONTH);
        this.reviews = new KeyedViews<>(database.getCollection("kpi_reviews"), CustomerReviews.class);
        reviews.collection().createIndex(Indexes.ascending("planned"));
        reviews.collection().createIndex(Indexes.ascending("due.dueOn"));
        this.invoices = invoices;
        this.reporting = reporting;
        this.clock = clock;
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        customers.prefetch(batch, events.stream().filter(DomainEventMessage.class::isInstance)
                .filter(m -> m.getPayload() instanceof InvoiceIssued || m.getPayload() instanceof PaymentRegistered
                        || m.getPayload() instanceof DisputeResolved)
                .map(m -> ((DomainEventMessage<?>) m).getAggregateIdentifier()).distinct().toList());
        orders.prefetch(batch, events.stream().map(EventMessage::getPayload).map(KpiProjection::orderIdOf)
                .filter(Objects::nonNull).distinct().toList());
        applications.prefetch(batch, events.stream().map(EventMessage::getPayload)
                .map(KpiProjection::applicationIdOf).filter(Objects::nonNull).distinct().toList());
        reviews.prefetch(batch, events.stream().map(EventMessage::getPayload)
                .filter(e -> e instanceof ReviewScheduled || e instanceof CreditReviewConcluded)
                .map(e -> e instanceof ReviewScheduled r ? r.customerId() : ((CreditReviewConcluded) e).customerId())
                .distinct().toList());
    }

    private static String applicationIdOf(Object event) {
        if (event instanceof CreditApplicationFiled e) {
            return e.applicationId();
        } else if (event instanceof ApplicationApproved e) {
            return e.applicationId();
        } else if (event instanceof ApplicationDeclined e) {
            return e.applicationId();
        }
        return null;
    }

    private static String orderIdOf(Object event) {
        if (event instanceof OrderAccepted e) {
            return e.orderId();
        } else if (event instanceof OrderBlocked e) {
            return e.orderId();
        } else if (event instanceof ReleaseRequested e) {
            return e.orderId();
        } else if (event instanceof OrderReleased e) {
            return e.orderId();
        } else if (event instanceof OrderRejected e) {
            return e.orderId();
        }
        return null;
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence) {
        invoicesOf(e.customerId(), sequence, list -> with(list, new InvoiceFacts(e.invoiceId(), e.customerId(),
                e.amount(), e.currency(), e.issueDate(), e.dueDate(), List.of())));
    }

    @EventHandler
    void on(PaymentRegistered e, @SequenceNumber long sequence) {
        invoicesOf(e.customerId(), sequence, list -> {
            List<InvoiceFacts> settled = list;
            for (Allocation allocation : e.allocations()) {
                settled = settle(settled, allocation.invoiceId(), new Settlement(e.receivedOn(), allocation.amount()));
            }
            return settled;
        });
    }

    @EventHandler
    void on(DisputeResolved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (e.outcome() == DisputeOutcome.CREDITED) {
            invoicesOf(e.customerId(), sequence, list -> settle(list, e.invoiceId(),
                    new Settlement(LocalDate.ofInstant(at, ZoneOffset.UTC), e.creditNoteAmount())));
        }
    }

    private void invoicesOf(String customerId, long sequence, UnaryOperator<List<InvoiceFacts>> change) {
        if (customers.current(customerId).isEmpty()) {
            customers.create(customerId, sequence, new CustomerInvoices(customerId, change.apply(List.of())));
        } else {
            customers.update(customerId, sequence,
                    known -> new CustomerInvoices(customerId, change.apply(known.invoices())));
        }
    }

    private static List<InvoiceFacts> with(List<InvoiceFacts> invoices, InvoiceFacts invoice) {
        List<InvoiceFacts> more = new ArrayList<>(invoices);
        more.add(invoice);
        return more;
    }

    private static List<InvoiceFacts> settle(List<InvoiceFacts> invoices, String invoiceId, Settlement settlement) {
        return invoices.stream().map(invoice -> {
            if (!invoice.invoiceId().equals(invoiceId)) {
                return invoice;
            }
            List<Settlement> settlements = new ArrayList<>(invoice.settlements());
            settlements.add(settlement);
            return new InvoiceFacts(invoice.invoiceId(), invoice.customerId(), invoice.amount(), invoice.currency(),
                    invoice.issueDate(), invoice.dueDate(), settlements);
        }).toList();
    }

    @EventHandler
    void on(OrderAccepted e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        placed(e.orderId(), e.customerId(), sequence, at, false, event);
    }

    @EventHandler
    void on(OrderBlocked e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        placed(e.orderId(), e.customerId(), sequence, at, true, event);
    }

    private void placed(String orderId, String customerId, long sequence, Instant at, boolean blocked, String event) {
        orders.create(orderId, sequence, new OrderFacts(orderId, customerId, at, blocked, null, null));
        LocalDate day = day(at);
        orderDays.add(event, ORDERS, day, "placed", day.toString(), 1);
        orderInstants.add(event, ORDERS, day, "placed", key(at), 1);
        if (blocked) {
            orderDays.add(event, ORDERS, day, "blocked", day.toString(), 1);
            orderInstants.add(event, ORDERS, day, "blocked", key(at), 1);
        }
    }

    @EventHandler
    void on(ReleaseRequested e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.update(e.orderId(), sequence, order -> new OrderFacts(order.orderId(), order.customerId(),
                order.placedAt(), order.blocked(), at, null));
    }

    @EventHandler
    void on(OrderReleased e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        decided(e.orderId(), sequence, at, event);
    }

    @EventHandler
    void on(OrderRejected e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        decided(e.orderId(), sequence, at, event);
    }

    private void decided(String orderId, long sequence, Instant at, String event) {
        orders.current(orderId).map(OrderFacts::releaseRequestedAt).ifPresent(requested -> orderDays.set(event,
                ORDERS, day(at), "releaseMinutes", key(at) + "|" + orderId, Duration.between(requested, at).toMinutes()));
        orders.update(orderId, sequence, order -> new OrderFacts(order.orderId(), order.customerId(),
                order.placedAt(), order.blocked(), order.releaseRequestedAt(), at));
    }

    @EventHandler
    void on(SalesSignalReported e, @Timestamp Instant at, @MessageIdentifier String event) {
        signals.set(event, "signals", day(at), "signals", key(at) + "|" + e.signalId(),
                new Document("customerId", e.customerId()).append("reportedBy", e.actor()));
    }

    @EventHandler
    void on(CreditApplicationFiled e, @SequenceNumber long sequence, @Timestamp Instant at) {
        applications.create(e.applicationId(), sequence,
                new ApplicationFacts(e.applicationId(), e.customerId(), at, null, null));
    }

    /** Final: with one approval within the approval authority, or the second above it (the first decides nothing). */
    @EventHandler
    void on(ApplicationApproved e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        decided(e.applicationId(), e.decision(), sequence, at, event);
    }

    @EventHandler
    void on(ApplicationDeclined e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        decided(e.applicationId(), ApplicationDecision.DECLINE, sequence, at, event);
    }

    /** As a release decision: the entry from what the filing recorded (the same however often it is delivered). */
    private void decided(String applicationId, ApplicationDecision decision, long sequence, Instant at, String event) {
        applications.current(applicationId).map(ApplicationFacts::filedAt).ifPresent(filed -> applicationDecisions.set(
                event, APPLICATIONS, day(at), "decisions", key(at) + "|" + applicationId,
                new Document("decision", decision.name()).append("minutes", Duration.between(filed, at).toMinutes())));
        applications.update(applicationId, sequence, facts -> new ApplicationFacts(facts.applicationId(),
                facts.customerId(), facts.filedAt(), decision, at));
    }

    /**
     * The latest plan counts: one whose day had come by this event's day fell due first. A plan for a day already
     * past falls due on the day it was made.
     */
    @EventHandler
    void on(ReviewScheduled e, @SequenceNumber long sequence, @Timestamp Instant at) {
        LocalDate today = day(at);
        LocalDate dueOn = e.dueOn().isBefore(today) ? today : e.dueOn();
        reviewsOf(e.customerId(), sequence, known -> known.fallenDueBy(today).planned(dueOn));
    }

    /** Concludes the reviews that fell due by its day; one concluded before a plan's day leaves that plan alone. */
    @EventHandler
    void on(CreditReviewConcluded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.update(e.customerId(), sequence, known -> known.fallenDueBy(day(at)).concluded(at));
    }

    private void reviewsOf(String customerId, long sequence, UnaryOperator<CustomerReviews> change) {
        if (reviews.current(customerId).isEmpty()) {
            reviews.create(customerId, sequence, change.apply(new CustomerReviews(customerId, null, List.of())));
        } else {
            reviews.update(customerId, sequence, change);
        }
    }

    @ResetHandler
    void reset() {
        customers.clear();
        orders.clear();
        orderDays.clear();
        orderInstants.clear();
        signals.clear();
        applications.clear();
        applicationDecisions.clear();
        reviews.clear();
    }

    /** Invoices issued after the period still tell whether a signal in it was followed by late payment. */
    @QueryHandler
    public Kpis handle(GetKpis query) {
        return KpiFigures.of(query.from(), query.to(), LocalDate.now(clock), inputs(query.from(), query.to()), reporting);
    }

    KpiInputs inputs(Instant from, Instant to) {
        LocalDate first = day(from);
        LocalDate last = day(to.minusNanos(1));
        Map<String, Long> placed = new HashMap<>();
        Map<String, Long> blocked = new HashMap<>();
        // whole days between the first and the last from the day counts; those two by instant
        DatedSums.Read days = orderDays.between(first, last, "placed", "blocked", "releaseMinutes");
        Map<String, Map<String, Long>> counts = days.sums().getOrDefault(ORDERS, Map.of());
        long placedCount = countDays(counts.get("placed"), first, last);
        long blockedCount = countDays(counts.get("blocked"), first, last);
        for (LocalDate edge : first.equals(last) ? List.of(first) : List.of(first, last)) {
            Map<String, Map<String, Long>> instants = orderInstants.of(edge, ORDERS, "placed", "blocked").sums()
                    .getOrDefault(ORDERS, Map.of());
            placedCount += countInstants(instants.get("placed"), from, to);
            blockedCount += countInstants(instants.get("blocked"), from, to);
        }
        List<Long> minutes = new ArrayList<>();
        days.entries("releaseMinutes").forEach((key, value) -> {
            if (KpiInputs.within(instant(key), from, to)) {
                minutes.add(((Number) value).longValue());
            }
        });
        List<SignalFacts> reported = new ArrayList<>();
        signals.between(first, last, "signals").entries("signals").forEach((key, value) -> {
            Instant at = instant(key);
            if (KpiInputs.within(at, from, to)) {
                Document about = (Document) value;
                reported.add(new SignalFacts(key.substring(key.indexOf('|') + 1), about.getString("customerId"),
                        about.getString("reportedBy"), at));
            }
        });
        Map<String, List<InvoiceFacts>> invoicesOf = new HashMap<>();
        customers.collection().find(Filters.in("_id", reported.stream().map(SignalFacts::customerId).distinct().toList()))
                .map(customers::read).forEach(customer -> invoicesOf.put(customer.customerId(), customer.invoices()));
        List<ApplicationDecided> decided = new ArrayList<>();
        applicationDecisions.between(first, last, "decisions").entries("decisions").forEach((key, value) -> {
            if (KpiInputs.within(instant(key), from, to)) {
                Document decision = (Document) value;
                decided.add(new ApplicationDecided(ApplicationDecision.valueOf(decision.getString("decision")),
                        ((Number) decision.get("minutes")).longValue()));
            }
        });
        return new KpiInputs(invoices.ledger().history(), placedCount, blockedCount, minutes, reported, invoicesOf,
                decided, reviewsDue(first, last));
    }

    /** The customers with a review due or planned on a day from {@code first} to {@code last}, by the indexes. */
    private List<DueReview> reviewsDue(LocalDate first, LocalDate last) {
        List<DueReview> due = new ArrayList<>();
        reviews.collection().find(Filters.or(
                        Filters.and(Filters.gte("planned", first.toString()), Filters.lte("planned", last.toString())),
                        Filters.elemMatch("due", Filters.and(Filters.gte("dueOn", first.toString()),
                                Filters.lte("dueOn", last.toString())))))
                .map(reviews::read).forEach(customer -> customer.dueOrPlanned().stream()
                        .filter(review -> KpiInputs.onDayOf(review.dueOn(), first, last)).forEach(due::add));
        return due;
    }

    /** Every fact as stored, for the check that the kept sums give what the facts give. */
    KpiInputs inputsTheSlowWay(Instant from, Instant to) {
        List<InvoiceFacts> all = new ArrayList<>();
        customers.collection().find().map(customers::read).forEach(customer -> all.addAll(customer.invoices()));
        List<OrderFacts> placed = orders.collection().find().map(orders::read).into(new ArrayList<>());
        List<SignalFacts> reported = new ArrayList<>();
        signals.all("signals").entries("signals").forEach((key, value) -> reported.add(new SignalFacts(
                key.substring(key.indexOf('|') + 1), ((Document) value).getString("customerId"),
                ((Document) value).getString("reportedBy"), instant(key))));
        List<ApplicationFacts> filed = applications.collection().find().map(applications::read).into(new ArrayList<>());
        List<CustomerReviews> planned = reviews.collection().find().map(reviews::read).into(new ArrayList<>());
        return KpiInputs.of(from, to, all, placed, reported, filed, planned);
    }

    private static long countDays(Map<String, Long> perDay, LocalDate first, LocalDate last) {
        if (perDay == null) {
            return 0;
        }
        return perDay.entrySet().stream().filter(e -> {
            LocalDate day = LocalDate.parse(e.getKey());
            return day.isAfter(first) && day.isBefore(last);
        }).mapToLong(Map.Entry::getValue).sum();
    }

    private static long countInstants(Map<String, Long> perInstant, Instant from, Instant to) {
        if (perInstant == null) {
            return 0;
        }
        return perInstant.entrySet().stream().filter(e -> KpiInputs.within(instant(e.getKey()), from, to))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** An instant as a key: seconds and nanoseconds, no dot (a dot would be a path in MongoDB). */
    static String key(Instant at) {
        return at.getEpochSecond() + "_" + at.getNano();
    }

    static Instant instant(String key) {
        int separator = key.indexOf('_');
        int end = key.indexOf('|');
        return Instant.ofEpochSecond(Long.parseLong(key.substring(0, separator)),
                Long.parseLong(end < 0 ? key.substring(separator + 1) : key.substring(separator + 1, end)));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
