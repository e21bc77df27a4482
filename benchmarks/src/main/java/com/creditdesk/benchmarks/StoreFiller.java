package com.creditdesk.benchmarks;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills the store with realistic account histories by bulk-appending through the command side's own
 * {@link EventStorageEngine} bean, so the events are stored exactly as the apps store and read them,
 * whatever engine is configured. Histories are written in rounds (every account opened, then every
 * limit set, then one order per account per round): a time-boxed fill that stops early still leaves
 * usable accounts, and each account's events are spread through the store as in real life.
 * Timestamps lie in the past, {@link #SPACING} apart, as a history of 10 events per second would.
 */
final class StoreFiller {
    static final String AGGREGATE_TYPE = "CustomerAccount";
    static final BigDecimal HUGE_LIMIT = new BigDecimal("999999999999.00");
    static final BigDecimal ORDER_AMOUNT = new BigDecimal("1.00");
    /** Makes an order event ~1 KB stored, like a real one with a short order text. */
    static final String DESCRIPTION = "Weekly delivery: 40 pallets of flour type 550 and 12 of rye, "
            + "to the central bakery in Mechelen, invoiced per delivery, EXW";
    private static final Duration SPACING = Duration.ofMillis(100);

    record Fill(long events, int accounts, double seconds, boolean stoppedEarly) {
        double rate() {
            return events / seconds;
        }
    }

    private StoreFiller() {
    }

    static String accountId(int index) {
        return String.format("BF-%07d", index);
    }

    static int accountsFor(long events, int eventsPerAccount) {
        return (int) Math.max(2, (events + eventsPerAccount - 1) / eventsPerAccount);
    }

    static Fill fill(EventStorageEngine engine, long events, int eventsPerAccount, int batchSize, Duration timeBox) {
        int accounts = accountsFor(events, eventsPerAccount);
        Instant base = Instant.now().minus(SPACING.multipliedBy(events + 1));
        long started = System.nanoTime();
        long deadline = started + timeBox.toNanos();
        List<EventMessage<?>> batch = new ArrayList<>(batchSize);
        long written = 0;
        long nextReport = 100_000;
        outer:
        for (int round = 0; ; round++) {
            for (int a = 0; a < accounts; a++) {
                if (written + batch.size() >= events) {
                    break outer;
                }
                Instant at = base.plus(SPACING.multipliedBy(written + batch.size()));
                batch.add(event(accountId(a), round, at));
                if (batch.size() == batchSize) {
                    engine.appendEvents(batch);
                    written += batch.size();
                    batch.clear();
                    if (written >= nextReport) {
                        nextReport += 100_000;
                        System.out.printf("  filled %,d events (%.0f events/s)%n", written,
                                written / seconds(started));
                    }
                    if (System.nanoTime() > deadline) {
                        break outer;
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            engine.appendEvents(batch);
            written += batch.size();
        }
        return new Fill(written, accounts, seconds(started), written < events);
    }

    /** Event {@code sequence} of an account's history: opened, limit set, then accepted orders of 1.00. */
    private static EventMessage<?> event(String customerId, long sequence, Instant at) {
        Object payload;
        if (sequence == 0) {
            payload = new AccountOpened(customerId, "Bakkerij " + customerId, Segment.SMB, "EUR", "sales1",
                    Language.nl, "erp");
        } else if (sequence == 1) {
            payload = new CreditLimitSet(customerId, HUGE_LIMIT, LimitSource.ANALYST, "benchmark", null,
                    BigDecimal.ZERO, HUGE_LIMIT, "credit1");
        } else {
            payload = orderAccepted(customerId, "BO-" + customerId + "-" + sequence,
                    ORDER_AMOUNT.multiply(BigDecimal.valueOf(sequence - 2)));
        }
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, customerId, sequence, payload, metaData(),
                UUID.randomUUID().toString(), at);
    }

    static OrderAccepted orderAccepted(String customerId, String orderId, BigDecimal exposureBefore) {
        return new OrderAccepted(customerId, orderId, ORDER_AMOUNT, "EUR", DESCRIPTION,
                new CreditDecision(HUGE_LIMIT, BigDecimal.ZERO, exposureBefore, ORDER_AMOUNT, BigDecimal.ZERO, 0,
                        false, false, "v1"), "erp");
    }

    /** What a command's correlation data providers put on every event. */
    static Map<String, String> metaData() {
        String origin = UUID.randomUUID().toString();
        return Map.of("traceId", origin, "correlationId", origin);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
