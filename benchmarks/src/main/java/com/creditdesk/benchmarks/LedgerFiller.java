package com.creditdesk.benchmarks;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills the store with the long history ({@code BF-LONG}, for the as-of figures, as {@link StoreFiller} does) and
 * then a {@link LedgerYear} ending now, through the command side's {@link EventStorageEngine} bean. Each command's
 * events are one commit, as the command side appends them, so aggregate reads and the rebuild read what they would
 * read in production. The commits of one simulated hour are appended by {@code threads} writers (an account always
 * by the same one, so its order holds) and the next hour waits for them: store order follows the timestamps to
 * within that hour.
 */
final class LedgerFiller {
    /** About this many events per customer and year: sizes map to customers by it (10,000 customers ≈ 1 M events). */
    static final int EVENTS_PER_CUSTOMER = 100;

    /** What the ledger holds, for the report, and what the reads need: the KPI quarter and the big manager. */
    record Facts(int customers, String bigManager, int bigManagerCustomers, long events, long commits,
                 Map<String, Long> eventTypes, BigDecimal openBalance, BigDecimal overdueBalance, BigDecimal exposure,
                 LocalDate start, LocalDate end, Instant kpiFrom, Instant kpiTo, Instant middle) {
        long count(String type) {
            return eventTypes.getOrDefault(type, 0L);
        }
    }

    record Result(StoreFiller.Fill fill, Facts facts) {
    }

    private LedgerFiller() {
    }

    static int customersFor(long events) {
        return (int) Math.max(2, events / EVENTS_PER_CUSTOMER);
    }

    static Result fill(EventStorageEngine engine, int customers, int longHistory, int threads, Duration timeBox,
                       long seed) {
        long started = System.nanoTime();
        long deadline = started + timeBox.toNanos();
        Instant end = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        LedgerYear year = new LedgerYear(customers, end, seed);
        Instant yearStart = year.start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant longHistoryMiddle = StoreFiller.appendLongHistory(engine, longHistory,
                yearStart.minus(StoreFiller.spacing().multipliedBy(longHistory + 1L)));

        Map<String, Long> sequences = new HashMap<>();
        Map<String, Long> types = new TreeMap<>();
        long events = 0;
        long commits = 0;
        long nextReport = 100_000;
        boolean stoppedEarly = false;
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            for (LocalDate day = year.start(); !day.isAfter(year.end()); day = day.plusDays(1)) {
                if (System.nanoTime() > deadline) {
                    stoppedEarly = true;
                    break;
                }
                List<LedgerYear.Commit> today = new ArrayList<>(year.day(day));
                today.sort(java.util.Comparator.comparing(LedgerYear.Commit::at)); // stable: an account's order holds
                List<List<EventMessage<?>>> hour = new ArrayList<>();
                long currentHour = -1;
                for (LedgerYear.Commit commit : today) {
                    long commitHour = commit.at().getEpochSecond() / 3600;
                    if (commitHour != currentHour) {
                        append(engine, writers, threads, hour);
                        hour.clear();
                        currentHour = commitHour;
                    }
                    hour.add(messages(commit, sequences));
                    commit.events().forEach(e -> types.merge(e.getClass().getSimpleName(), 1L, Long::sum));
                    events += commit.events().size();
                    commits++;
                }
                append(engine, writers, threads, hour);
                if (events >= nextReport) {
                    nextReport += 100_000;
                    System.out.printf("  ledger: %,d events by %s (%.0f events/s)%n", events, day,
                            events / seconds(started));
                }
            }
        } finally {
            writers.shutdownNow();
        }
        double seconds = seconds(started);
        StoreFiller.Fill fill = new StoreFiller.Fill(events + longHistory, customers, seconds, stoppedEarly,
                longHistoryMiddle);
        return new Result(fill, facts(year, customers, events, commits, types, end));
    }

    private static Facts facts(LedgerYear year, int customers, long events, long commits, Map<String, Long> types,
                               Instant end) {
        LocalDate last = year.end();
        BigDecimal open = BigDecimal.ZERO;
        BigDecimal overdue = BigDecimal.ZERO;
        BigDecimal exposure = BigDecimal.ZERO;
        int big = 0;
        for (LedgerAccount account : year.accounts()) {
            open = open.add(account.invoices.values().stream().map(i -> i.balance).reduce(BigDecimal.ZERO, BigDecimal::add));
            overdue = overdue.add(account.overdueBalance(last));
            exposure = exposure.add(account.exposure());
            big += LedgerYear.BIG_MANAGER.equals(account.accountManager) ? 1 : 0;
        }
        // the last whole calendar quarter before the one the ledger ends in
        LocalDate quarterEnd = last.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate quarterStart = quarterEnd.minusMonths(3);
        Instant middle = year.start().plusDays(182).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Facts(customers, LedgerYear.BIG_MANAGER, big, events, commits, types, open, overdue, exposure,
                year.start(), last, quarterStart.atStartOfDay(ZoneOffset.UTC).toInstant(),
                quarterEnd.atStartOfDay(ZoneOffset.UTC).toInstant(), middle);
    }

    /** One commit's events with the account's next sequence numbers; one command's correlation for all of them. */
    private static List<EventMessage<?>> messages(LedgerYear.Commit commit, Map<String, Long> sequences) {
        MetaData metaData = MetaData.from(StoreFiller.metaData());
        List<EventMessage<?>> messages = new ArrayList<>(commit.events().size());
        int i = 0;
        for (Object payload : commit.events()) {
            long sequence = sequences.merge(commit.customerId(), 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(StoreFiller.AGGREGATE_TYPE, commit.customerId(), sequence,
                    payload, metaData, UUID.randomUUID().toString(), commit.at().plusNanos(1000L * i++)));
        }
        return messages;
    }

    /** Appends the commits, each account's by one writer in order, and waits for all of them. */
    private static void append(EventStorageEngine engine, ExecutorService writers, int threads,
                               List<List<EventMessage<?>>> commits) {
        if (commits.isEmpty()) {
            return;
        }
        List<List<List<EventMessage<?>>>> perWriter = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            perWriter.add(new ArrayList<>());
        }
        for (List<EventMessage<?>> commit : commits) {
            String account = ((GenericDomainEventMessage<?>) commit.get(0)).getAggregateIdentifier();
            perWriter.get(Math.floorMod(account.hashCode(), threads)).add(commit);
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (List<List<EventMessage<?>>> mine : perWriter) {
            if (!mine.isEmpty()) {
                tasks.add(() -> {
                    mine.forEach(engine::appendEvents);
                    return null;
                });
            }
        }
        try {
            for (Future<Void> done : writers.invokeAll(tasks)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("filling the ledger failed", e.getCause());
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
