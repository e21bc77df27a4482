package com.creditdesk.benchmarks;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fills the store with realistic account histories by appending through the command side's own
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

    /** The account with a long history that the as-of measurement reads. */
    static final String LONG_HISTORY_ACCOUNT = "BF-LONG";

    record Fill(long events, int accounts, double seconds, boolean stoppedEarly, Instant longHistoryMiddle) {
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

    /**
     * Appends {@code events} in all: first one account of {@code longHistory} events, then the rest
     * over many accounts. Every append is one event of one account, as a command appends it, so an
     * account's events are read back as they would be in real life; {@code threads} writers share the
     * accounts (each account has one writer, so its order holds).
     */
    static Fill fill(EventStorageEngine engine, long events, int eventsPerAccount, int longHistory, int threads,
                     Duration timeBox) {
        long started = System.nanoTime();
        long deadline = started + timeBox.toNanos();
        Instant base = Instant.now().minus(SPACING.multipliedBy(events + 1));
        AtomicLong written = new AtomicLong();
        int longEvents = (int) Math.min(longHistory, events / 2);
        Instant longHistoryMiddle = appendLongHistory(engine, longEvents, base);
        written.addAndGet(longEvents);

        long rest = events - longEvents;
        int accounts = accountsFor(rest, eventsPerAccount);
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            done.add(writers.submit(() -> {
                for (int round = 0; ; round++) {
                    for (int a = writer; a < accounts; a += threads) {
                        long at = written.getAndIncrement();
                        if (at >= events || System.nanoTime() > deadline) {
                            written.decrementAndGet();
                            return;
                        }
                        engine.appendEvents(event(accountId(a), round, base.plus(SPACING.multipliedBy(at))));
                        if (at % 100_000 == 0 && at > 0) {
                            System.out.printf("  filled %,d events (%.0f events/s)%n", at, at / seconds(started));
                        }
                    }
                }
            }));
        }
        try {
            for (Future<?> writer : done) {
                writer.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("filling the store failed", e.getCause());
        } finally {
            writers.shutdownNow();
        }
        return new Fill(written.get(), accounts, seconds(started), written.get() < events, longHistoryMiddle);
    }

    /** Appends the long history ({@code events} one-event commits, {@link #SPACING} apart from {@code base}); its middle. */
    static Instant appendLongHistory(EventStorageEngine engine, int events, Instant base) {
        for (int sequence = 0; sequence < events; sequence++) {
            engine.appendEvents(longHistoryEvent(sequence, base.plus(SPACING.multipliedBy(sequence))));
        }
        return base.plus(SPACING.multipliedBy(events / 2));
    }

    static Duration spacing() {
        return SPACING;
    }

    /** Event {@code sequence} of an account's history: opened, limit set, then accepted orders of 1.00. */
    private static EventMessage<?> event(String customerId, long sequence, Instant at) {
        Object payload;
        if (sequence == 0) {
            payload = new AccountOpened(customerId, "Bakkerij " + customerId, Segment.SMB, "EUR", "sales1",
                    Language.nl, "erp", null);
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

    /**
     * Event {@code sequence} of the long history: opened, limit set, then order, invoice and payment in
     * turn, so few items are open at any time, as with a customer of many years.
     */
    private static EventMessage<?> longHistoryEvent(long sequence, Instant at) {
        String customerId = LONG_HISTORY_ACCOUNT;
        long cycle = (sequence - 2) / 3;
        String orderId = "BO-" + customerId + "-" + cycle;
        String invoiceId = "BI-" + customerId + "-" + cycle;
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        Object payload = switch (sequence < 2 ? -1 : (int) ((sequence - 2) % 3)) {
            case 0 -> orderAccepted(customerId, orderId, BigDecimal.ZERO);
            case 1 -> new InvoiceIssued(customerId, invoiceId, orderId, ORDER_AMOUNT, "EUR", day, day.plusDays(30),
                    30, "erp");
            case 2 -> new PaymentRegistered(customerId, "BP-" + customerId + "-" + cycle, ORDER_AMOUNT, "EUR", day,
                    invoiceId, List.of(new Allocation(invoiceId, ORDER_AMOUNT)), BigDecimal.ZERO, "erp");
            default -> null;
        };
        return payload == null ? event(customerId, sequence, at)
                : new GenericDomainEventMessage<>(AGGREGATE_TYPE, customerId, sequence, payload, metaData(),
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
