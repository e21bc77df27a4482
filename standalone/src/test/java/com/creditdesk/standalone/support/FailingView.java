package com.creditdesk.standalone.support;

import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A test-only projection in a processing group of its own, added to the query side of one test's
 * instance (through {@link #SOURCE}), never to production: it records, per account, the sequence
 * numbers of the events it was handed, in the order it got them (no guard, so an event handled twice
 * or out of order would show), and it fails on the order decisions of one chosen account until that
 * account is cured: a handler with a bug for one customer's data.
 */
@Component
@ProcessingGroup(FailingView.GROUP)
@ConditionalOnProperty(name = "spring.application.name", havingValue = "credit-desk-query-side")
public class FailingView {
    public static final String GROUP = "failing-view-test";
    public static final String COLLECTION = "failing_view_test";
    /** The command-line argument that adds this projection to a standalone instance (the query side only). */
    public static final String SOURCE = "--spring.main.sources=" + FailingView.class.getName();

    private static volatile String poisoned;

    private final MongoDatabase database;

    FailingView(MongoDatabase database) {
        this.database = database;
    }

    /** From now on the handler fails on every order decision of this account. */
    public static void poison(String customerId) {
        poisoned = customerId;
    }

    /** The bug is fixed: the handler no longer fails. */
    public static void cure() {
        poisoned = null;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        String customerId = message.getAggregateIdentifier();
        if (customerId.equals(poisoned) && (event instanceof OrderAccepted || event instanceof OrderBlocked)) {
            throw new IllegalStateException("cannot digest the order decision of " + customerId + " at sequence "
                    + message.getSequenceNumber());
        }
        database.getCollection(COLLECTION).updateOne(Filters.eq("_id", customerId),
                Updates.push("handled", message.getSequenceNumber()), new UpdateOptions().upsert(true));
    }
}
