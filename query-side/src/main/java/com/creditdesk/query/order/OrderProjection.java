package com.creditdesk.query.order;

import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.OrderEvents.BlockedOrderNowFits;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.order.OrderQueries.FindOrder;
import com.creditdesk.api.order.OrderQueries.NowFitsView;
import com.creditdesk.api.order.OrderQueries.OrderView;
import com.creditdesk.api.order.OrderQueries.ReleaseDecisionView;
import com.creditdesk.api.order.OrderQueries.ReleaseRequestView;
import com.creditdesk.api.order.OrderQueries.StatusChange;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.query.common.KeyedViews;
import com.creditdesk.query.common.Documents;
import com.creditdesk.query.common.ProjectionBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/** Each order with its credit decision, the release request and decision, and its status history. */
@Component
@ProcessingGroup(OrderProjection.GROUP)
public class OrderProjection implements ProjectionBatch.Prefetching {
    public static final String GROUP = "orders";

    private final KeyedViews<OrderView> orders;
    /** The orders blocked now, as in {@code orders}: what the worklists read, small whatever the ledger. */
    private final MongoCollection<Document> blocked;

    public OrderProjection(MongoDatabase database) {
        this.orders = new KeyedViews<>(database.getCollection("orders"), OrderView.class);
        this.blocked = database.getCollection("orders_blocked");
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        List<String> ids = events.stream().map(EventMessage::getPayload).map(OrderProjection::orderIdOf)
                .filter(java.util.Objects::nonNull).distinct().toList();
        orders.prefetch(batch, ids);
        batch.prefetch(blocked, ids);
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
        } else if (event instanceof OrderCancelled e) {
            return e.orderId();
        } else if (event instanceof BlockedOrderNowFits e) {
            return e.orderId();
        } else if (event instanceof InvoiceIssued e) {
            return e.orderId();
        }
        return null;
    }

    /**
     * After every event of an order: the blocked list holds it exactly while the order is blocked (a release
     * requested or not), taken
     * from the order as it now stands (also when the event was applied before), so both always agree.
     */
    private void mirror(String orderId) {
        ProjectionBatch batch = ProjectionBatch.current();
        Optional<OrderView> order = orders.current(orderId);
        if (order.isPresent() && order.get().status().blocked()) {
            batch.put(blocked, Documents.of(order.get()).append("_id", orderId));
        } else if (batch.find(blocked, orderId).isPresent()) {
            batch.delete(blocked, orderId);
        }
    }

    @EventHandler
    void on(OrderAccepted e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.create(e.orderId(), sequence, new OrderView(e.orderId(), e.customerId(), e.amount(), e.currency(),
                e.description(), OrderStatus.ACCEPTED, List.of(), e.decision(), null, null,
                List.of(new StatusChange(at, OrderStatus.ACCEPTED, e.actor())), null));
        mirror(e.orderId());
    }

    @EventHandler
    void on(OrderBlocked e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.create(e.orderId(), sequence, new OrderView(e.orderId(), e.customerId(), e.amount(), e.currency(),
                e.description(), OrderStatus.BLOCKED, e.reasons(), e.decision(), null, null,
                List.of(new StatusChange(at, OrderStatus.BLOCKED, e.actor())), null));
        mirror(e.orderId());
    }

    @EventHandler
    void on(ReleaseRequested e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.update(e.orderId(), sequence, order -> withStatus(new OrderView(order.orderId(), order.customerId(),
                order.amount(), order.currency(), order.description(), order.status(), order.reasons(),
                order.decision(), new ReleaseRequestView(e.justification(), e.proposedMeasure(), e.actor(), at),
                order.releaseDecision(), order.history(), order.nowFits()), OrderStatus.RELEASE_REQUESTED, at,
                e.actor()));
        mirror(e.orderId());
    }

    /** The order stays blocked: the flag shows sales and credit that a release would now pass the check. */
    @EventHandler
    void on(BlockedOrderNowFits e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.update(e.orderId(), sequence, order -> new OrderView(order.orderId(), order.customerId(),
                order.amount(), order.currency(), order.description(), order.status(), order.reasons(),
                order.decision(), order.releaseRequest(), order.releaseDecision(), order.history(),
                new NowFitsView(at, e.cause(), e.reference(), e.decision())));
        mirror(e.orderId());
    }

    @EventHandler
    void on(OrderReleased e, @SequenceNumber long sequence, @Timestamp Instant at) {
        decided(e.orderId(), sequence, new ReleaseDecisionView(ReleaseDecision.RELEASE, e.note(), e.conditions(),
                e.actor(), at), OrderStatus.RELEASED);
    }

    @EventHandler
    void on(OrderRejected e, @SequenceNumber long sequence, @Timestamp Instant at) {
        decided(e.orderId(), sequence, new ReleaseDecisionView(ReleaseDecision.REJECT, e.note(), null, e.actor(), at),
                OrderStatus.REJECTED);
    }

    @EventHandler
    void on(OrderCancelled e, @SequenceNumber long sequence, @Timestamp Instant at) {
        orders.update(e.orderId(), sequence, order -> withStatus(order, OrderStatus.CANCELLED, at, e.actor()));
        mirror(e.orderId());
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (e.orderId() != null) {
            orders.update(e.orderId(), sequence, order -> withStatus(order, OrderStatus.INVOICED, at, e.actor()));
            mirror(e.orderId());
        }
    }

    private void decided(String orderId, long sequence, ReleaseDecisionView decision, OrderStatus status) {
        orders.update(orderId, sequence, order -> {
            OrderView decided = new OrderView(order.orderId(), order.customerId(), order.amount(), order.currency(),
                    order.description(), order.status(), order.reasons(), order.decision(), order.releaseRequest(),
                    decision, order.history(), order.nowFits());
            return withStatus(decided, status, decision.at(), decision.decidedBy());
        });
        mirror(orderId);
    }

    private static OrderView withStatus(OrderView order, OrderStatus status, Instant at, String actor) {
        List<StatusChange> history = new ArrayList<>(order.history());
        history.add(new StatusChange(at, status, actor));
        return new OrderView(order.orderId(), order.customerId(), order.amount(), order.currency(),
                order.description(), status, order.reasons(), order.decision(), order.releaseRequest(),
                order.releaseDecision(), history, order.nowFits());
    }

    @ResetHandler
    void reset() {
        orders.clear();
        blocked.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<OrderView> handle(FindOrder query) {
        return orders.find(query.orderId());
    }

    /** Blocked orders, optionally of some customers only: for the worklists. */
    public List<OrderView> blocked(Collection<String> customerIds) {
        Set<String> of = customerIds == null ? null : new HashSet<>(customerIds);
        return blocked.find().map(orders::read).into(new ArrayList<>()).stream()
                .filter(order -> of == null || of.contains(order.customerId()))
                .sorted(Comparator.comparing(OrderView::orderId)).toList();
    }
}
