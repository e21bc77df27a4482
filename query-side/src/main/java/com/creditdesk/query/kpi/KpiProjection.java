package com.creditdesk.query.kpi;

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
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.query.common.KeyedViews;
import com.creditdesk.query.kpi.KpiFacts.InvoiceFacts;
import com.creditdesk.query.kpi.KpiFacts.OrderFacts;
import com.creditdesk.query.kpi.KpiFacts.Settlement;
import com.creditdesk.query.kpi.KpiFacts.SignalFacts;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The dated facts the KPIs need: invoices with every settlement (payments on the day received,
 * credit notes on the day granted), orders with when they were placed, blocked, asked to be released
 * and decided, and sales signals with who reported them when.
 */
@Component
@ProcessingGroup(KpiProjection.GROUP)
public class KpiProjection {
    static final String GROUP = "kpis";

    private final KeyedViews<InvoiceFacts> invoices;
    private final KeyedViews<OrderFacts> orders;
    private final KeyedViews<SignalFacts> signals;
    private final Clock clock;

    KpiProjection(MongoDatabase database, Clock clock) {
        this.invoices = new KeyedViews<>(database.getCollection("kpi_invoices"), InvoiceFacts.class);
        this.orders = new KeyedViews<>(database.getCollection("kpi_orders"), OrderFacts.class);
        this.signals = new KeyedViews<>(database.getCollection("kpi_signals"), SignalFacts.class);
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence) {
        invoices.create(e.invoiceId(), sequence, new InvoiceFacts(e.invoiceId(), e.customerId(), e.amount(),
                e.issueDate(), e.dueDate(), List.of()));
    }

    @EventHandler
    void on(PaymentRegistered e, @SequenceNumber long sequence) {
        for (Allocation allocation : e.allocations()) {
            settle(allocation.invoiceId(), sequence, new Settlement(e.receivedOn(), allocation.amount()));
        }
    }

    @EventHandler
    void on(DisputeResolved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (e.outcome() == DisputeOutcome.CREDITED) {
            settle(e.invoiceId(), sequence, new Settlement(LocalDate.ofInstant(at, ZoneOffset.UTC),
                    e.creditNoteAmount()));
        }
    }

    private void settle(String invoiceId, long sequence, Settlement settlement) {
        invoices.update(invoiceId, sequence, invoice -> {
            List<Settlement> settlements = new ArrayList<>(invoice.settlements());
            settlements.add(settlement);
            return new InvoiceFacts(invoice.invoiceId(), invoice.customerId(), invoice.amount(), invoice.issueDate(),
                    invoice.dueDate(), settlements);
        });
    }

    @EventHandler
    void on(OrderAccepted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.create(e.orderId(), sequence, new OrderFacts(e.orderId(), e.customerId(), at, false, null, null));
    }

    @EventHandler
    void on(OrderBlocked e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.create(e.orderId(), sequence, new OrderFacts(e.orderId(), e.customerId(), at, true, null, null));
    }

    @EventHandler
    void on(ReleaseRequested e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.update(e.orderId(), sequence, order -> new OrderFacts(order.orderId(), order.customerId(),
                order.placedAt(), order.blocked(), at, null));
    }

    @EventHandler
    void on(OrderReleased e, @SequenceNumber long sequence, @Timestamp Instant at) {
        decided(e.orderId(), sequence, at);
    }

    @EventHandler
    void on(OrderRejected e, @SequenceNumber long sequence, @Timestamp Instant at) {
        decided(e.orderId(), sequence, at);
    }

    private void decided(String orderId, long sequence, Instant at) {
        orders.update(orderId, sequence, order -> new OrderFacts(order.orderId(), order.customerId(),
                order.placedAt(), order.blocked(), order.releaseRequestedAt(), at));
    }

    @EventHandler
    void on(SalesSignalReported e, @SequenceNumber long sequence, @Timestamp Instant at) {
        signals.create(e.signalId(), sequence, new SignalFacts(e.signalId(), e.customerId(), e.actor(), at));
    }

    @ResetHandler
    void reset() {
        invoices.clear();
        orders.clear();
        signals.clear();
    }

    /** Invoices issued after the period still tell whether a signal in it was followed by late payment. */
    @QueryHandler
    public Kpis handle(GetKpis query) {
        List<InvoiceFacts> issued = invoices.collection().find().map(invoices::read).into(new ArrayList<>());
        List<OrderFacts> placed = orders.collection().find().map(orders::read).into(new ArrayList<>());
        List<SignalFacts> reported = signals.collection().find().map(signals::read).into(new ArrayList<>());
        return KpiFigures.of(query.from(), query.to(), LocalDate.now(clock), issued, placed, reported);
    }
}
