package com.creditdesk.standalone.demo;

import com.creditdesk.api.account.Segment;
import com.creditdesk.standalone.demo.DemoCustomer.Payer;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * The demo portfolio: a year of history for a few hundred customers across the three segments, generated on an
 * empty store through the command side's HTTP API, as the ERP, the account managers and credit would have sent it.
 * The clock is set back a year first and then moved forward working day by working day (which fires the dunning
 * steps as they fall due), and ends at the present, so afterwards the clock is the wall clock again. Everything
 * follows from a fixed seed: two runs give the same commands with the same answers.
 */
public final class DemoPortfolio {
    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);
    public static final int DEFAULT_CUSTOMERS = 300;
    private static final long SEED = 20_261_202L;
    private static final LocalTime OPENING_HOUR = LocalTime.of(9, 0);
    private static final int CLIENTS = 6;

    private final int customers;
    private final long seed;

    public DemoPortfolio(int customers) {
        this(customers, SEED);
    }

    public DemoPortfolio(int customers, long seed) {
        if (customers < 1) {
            throw new IllegalArgumentException("a portfolio has at least one customer");
        }
        this.customers = customers;
        this.seed = seed;
    }

    /** Where the history begins: the working day a year ago, before opening time; the clock starts there. */
    public Instant historyStart() {
        LocalDate firstDay = DemoCustomer.businessDay(LocalDate.now(ZoneOffset.UTC).minusYears(1));
        return firstDay.atTime(OPENING_HOUR.minusHours(1)).toInstant(ZoneOffset.UTC);
    }

    /** What was generated. */
    public record Summary(int customers, long commands, long refused, long events, Duration took, String details) {
    }

    /**
     * Generates the portfolio if the store holds no event yet; otherwise leaves the store as it is.
     *
     * @return what was generated, or null when the store already had a history
     */
    public Summary generateIfEmpty(DemoTarget app) {
        long recorded = eventsRecorded(app);
        if (recorded > 0) {
            log.info("Demo portfolio: the store already holds {} events, nothing generated (remove the data folder "
                    + "to start over)", recorded);
            if (app.clock().instant().isBefore(Instant.now().minus(Duration.ofDays(1)))) {
                log.warn("Demo portfolio: the clock stands at {}: an earlier generation was interrupted; remove the "
                        + "data folder to start over", app.clock().instant());
            }
            return null;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate firstDay = LocalDate.now(app.clock());
        if (firstDay.isAfter(today.minusDays(300))) {
            throw new IllegalStateException("the clock stands at " + firstDay + ": start Credit Desk with the clock "
                    + "set back to the portfolio's history start to generate it");
        }
        log.info("Demo portfolio: {} customers, a year of history from {}", customers, firstDay);

        Totals totals = new Totals();
        List<DemoCustomer> portfolio = customers(firstDay, today, totals);
        DemoClient api = new DemoClient(app.commandPort(), app.queryPort());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, runnable -> {
            Thread thread = new Thread(runnable, "demo-client");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int daysDone = 0;
            for (LocalDate day = firstDay; opensBefore(day, Instant.now()); day = day.plusDays(1)) {
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                api.moveClockTo(day.atTime(OPENING_HOUR).toInstant(ZoneOffset.UTC));
                LocalDate workingDay = day;
                List<Callable<Void>> work = new ArrayList<>();
                for (DemoCustomer customer : portfolio) {
                    work.add(() -> {
                        customer.actOn(workingDay, api);
                        return null;
                    });
                }
                for (Future<Void> done : clients.invokeAll(work)) {
                    done.get();
                }
                if (day.getDayOfWeek() == DayOfWeek.FRIDAY) {
                    decideCollectionProposals(workingDay, portfolio, api);
                }
                if (++daysDone % 20 == 0) {
                    log.info("Demo portfolio: {} done, {} commands sent so far ({} s)", day, api.total(),
                            Duration.ofNanos(System.nanoTime() - started).toSeconds());
                }
            }
            api.moveClockTo(Instant.now()); // the present: from here on the clock is the wall clock again
            openOneDispute(portfolio, api);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("demo generation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("demo generation failed: " + e.getCause(), e.getCause());
        } finally {
            clients.shutdownNow();
        }
        awaitProjections(api);
        Summary summary = new Summary(totals.customers.intValue(), api.total(), api.refused(), eventsRecorded(app),
                Duration.ofNanos(System.nanoTime() - started), totals.describe(portfolio));
        log.info("Demo portfolio generated in {} s: {} customers ({}), {} commands ({} refused), {} events",
                summary.took().toSeconds(), summary.customers(), summary.details(), summary.commands(),
                summary.refused(), summary.events());
        log.info("Demo portfolio: commands by kind {}", api.sent());
        return summary;
    }

    /** A customer who disputes often, or else any customer with an open invoice, has a dispute open today. */
    private static void openOneDispute(List<DemoCustomer> portfolio, DemoClient api) {
        List<DemoCustomer> disputersFirst = new ArrayList<>(portfolio);
        disputersFirst.sort(Comparator.comparing(customer -> !customer.disputes()));
        for (DemoCustomer customer : disputersFirst) {
            if (customer.disputeNewestOpenInvoice(api)) {
                return;
            }
        }
    }

    /**
     * Credit's weekly round of its worklist: a collection proposal waiting two weeks or more is decided,
     * and the invoice goes to the customer's collection agency (credit and the account manager approve).
     * The worklist is read once the query side has applied the week, so the round is the same every run.
     */
    private static void decideCollectionProposals(LocalDate day, List<DemoCustomer> portfolio, DemoClient api) {
        if (waitingProposals(day, api).isEmpty()) {
            return;
        }
        awaitProjections(api); // the round acts on the week as recorded, not on a view a moment behind it
        Map<String, DemoCustomer> byId = new HashMap<>();
        portfolio.forEach(customer -> byId.put(customer.customerId, customer));
        for (JsonNode task : waitingProposals(day, api)) {
            DemoCustomer customer = byId.get(task.path("customerId").asText());
            if (customer != null) {
                customer.handOver(task.path("invoiceId").asText(), api);
            }
        }
    }

    /** Credit's collection proposals reached two weeks or more before {@code day}. */
    private static List<JsonNode> waitingProposals(LocalDate day, DemoClient api) {
        List<JsonNode> waiting = new ArrayList<>();
        for (JsonNode task : api.query("credit1", "/api/views/finance").path("tasks")) {
            if (task.path("type").asText().equals("COLLECTION_PROPOSAL")
                    && !LocalDate.parse(task.path("since").asText()).isAfter(day.minusDays(14))) {
                waiting.add(task);
            }
        }
        return waiting;
    }

    /** The customers, drawn in a fixed order from the seed: segment, name, language, account manager, payer. */
    private List<DemoCustomer> customers(LocalDate firstDay, LocalDate lastDay, Totals totals) {
        Random random = new Random(seed);
        DemoNames names = new DemoNames();
        List<DemoCustomer> portfolio = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            int roll = random.nextInt(100);
            Segment segment = roll < 60 ? Segment.SMB : roll < 85 ? Segment.ENTERPRISE : Segment.PUBLIC;
            int languageRoll = random.nextInt(100);
            String language = languageRoll < 50 ? "nl" : languageRoll < 85 ? "fr" : "en";
            int managerRoll = random.nextInt(100);
            String manager = managerRoll < 40 ? "sales1" : managerRoll < 80 ? "sales2" : "lead1";
            int payerRoll = random.nextInt(100);
            Payer payer = i % 70 == 7 ? Payer.DEFAULTER
                    : payerRoll < 35 ? Payer.PROMPT : payerRoll < 89 ? Payer.STEADY : Payer.SLOW;
            portfolio.add(new DemoCustomer(i, segment, names.next(segment, language, random), language, manager, payer,
                    firstDay, lastDay, random.nextLong(), totals));
        }
        return portfolio;
    }

    /** The dashboards show the whole year once the query side has applied every event: wait for that (a while). */
    private static void awaitProjections(DemoClient api) {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!api.projectionsCaughtUp()) {
            if (System.nanoTime() > deadline) {
                log.warn("Demo portfolio: the query side is still catching up; the dashboards fill as it does");
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean opensBefore(LocalDate day, Instant now) {
        return day.atTime(OPENING_HOUR).toInstant(ZoneOffset.UTC).isBefore(now);
    }

    /** Events in the store: the global index of the last one. */
    public static long eventsRecorded(DemoTarget app) {
        return app.eventsRecorded();
    }

    /** What the generator did, counted as it went. */
    static final class Totals {
        final LongAdder customers = new LongAdder();
        final LongAdder orders = new LongAdder();
        final LongAdder blocked = new LongAdder();
        final LongAdder released = new LongAdder();
        final LongAdder invoices = new LongAdder();
        final LongAdder payments = new LongAdder();
        final LongAdder latePayments = new LongAdder();
        final LongAdder partialPayments = new LongAdder();
        final LongAdder unappliedPayments = new LongAdder();
        final LongAdder signals = new LongAdder();
        final LongAdder reviews = new LongAdder();
        final LongAdder disputes = new LongAdder();
        final LongAdder promises = new LongAdder();
        final LongAdder handovers = new LongAdder();
        final LongAdder termsChanges = new LongAdder();

        String describe(List<DemoCustomer> portfolio) {
            long smb = portfolio.stream().filter(c -> c.segment == Segment.SMB).count();
            long enterprise = portfolio.stream().filter(c -> c.segment == Segment.ENTERPRISE).count();
            return "SMB " + smb + ", ENTERPRISE " + enterprise + ", PUBLIC " + (portfolio.size() - smb - enterprise)
                    + "; " + orders + " orders (" + blocked + " blocked, " + released + " released), " + invoices
                    + " invoices, " + payments + " payments (" + latePayments + " late, " + partialPayments
                    + " partial, " + unappliedPayments + " with unapplied credit), " + signals + " signals, " + reviews
                    + " reviews, " + disputes + " disputes, " + promises + " promises, " + handovers
                    + " hand-overs to collection, " + termsChanges + " payment-terms changes";
        }
    }
}
