package com.creditdesk.benchmarks;

import com.creditdesk.benchmarks.Clients.Client;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Macro-benchmark of Credit Desk on the embedded store, as the standalone mode runs it. For each
 * store size a fresh JVM (same JVM options) starts the system on a fresh data folder, so no size
 * inherits another's heap, JIT or caches, and a size that runs out of memory or time loses only
 * itself. In that JVM, in this order:
 * <ol>
 * <li>fill the store with the query side's processors stopped (one event per append, through the engine bean);</li>
 * <li>the raw driver's insert and read rates on the same server, in its own collection;</li>
 * <li>stop and start the system on the filled store (the start time);</li>
 * <li>a full projection rebuild (time-boxed; if it does not finish, the projections skip to the head,
 *     so the later figures still see a query side that follows new events);</li>
 * <li>command → visible latency at a steady rate;</li>
 * <li>as-of on the account with the long history, and the NDJSON export of the whole store;</li>
 * <li>a warm-up, then PlaceOrder throughput on distinct accounts and on one hot account.</li>
 * </ol>
 */
public final class StoreBenchmark {
    private static final int PROBE_ACCOUNTS = 20;
    /** Blocked orders waiting for a release request during the finance stream's measurement. */
    private static final int RELEASE_STOCK = 50;

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals(Options.APPEND_THROUGHPUT)) {
            AppendThroughput.main(args); // the storage engine alone, in this JVM
            return;
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.childResult() != null) {
            SizeRun run = new SizeRun(options, options.sizes().get(0));
            Report.write(options.childResult(), run.run());
            System.exit(0); // the apps' non-daemon threads must not keep this JVM alive
        }
        List<Report.SizeResult> results = new ArrayList<>();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        for (long size : options.sizes()) {
            Path resultFile = options.out().toAbsolutePath().resolveSibling("benchmark-" + stamp + "-" + size + ".json");
            System.out.printf("%n=== %,d events ===%n", size);
            if (runChild(options, size, resultFile)) {
                results.add(Report.read(resultFile));
            } else {
                results.add(new Report.SizeResult(size, null, null, null, null, null, null, null, null, 0, 0, 0,
                        options.maxSize().toSeconds(), List.of("the run of this size failed or exceeded "
                        + options.maxSize().toMinutes() + " min; see its output"), null, null, null));
            }
            String markdown = Report.markdown(results, "java -jar credit-desk-benchmarks.jar " + String.join(" ", args));
            Files.writeString(options.out(), markdown); // after every size, so a later failure keeps the earlier ones
        }
        System.out.println("\n" + Files.readString(options.out()));
        System.out.println("Written to " + options.out().toAbsolutePath());
    }

    /** Runs one size in a child JVM with this JVM's options; true if it wrote its result. */
    private static boolean runChild(Options options, long size, Path resultFile) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, StoreBenchmark.class.getName()));
        }
        command.addAll(options.forChild(size, resultFile));
        Process child = new ProcessBuilder(command).inheritIO().start();
        if (!child.waitFor(options.maxSize().toMinutes(), TimeUnit.MINUTES)) {
            child.destroyForcibly().waitFor();
            return false;
        }
        return child.exitValue() == 0 && Files.exists(resultFile);
    }

    /** One store size, in this JVM. */
    private static final class SizeRun {
        private final Options options;
        private final long size;
        private final List<String> notes = new ArrayList<>();
        private final long started = System.nanoTime();
        private LedgerFiller.Facts ledger;

        SizeRun(Options options, long size) {
            this.options = options;
            this.size = size;
        }

        Report.SizeResult run() throws IOException {
            Path dataDir = Files.createTempDirectory(Files.createDirectories(options.dataDir()), "creditdesk-bench-");
            try {
                return measure(dataDir);
            } finally {
                if (!options.keepData()) {
                    delete(dataDir);
                }
            }
        }

        private Report.SizeResult measure(Path dataDir) {
            log("starting on an empty store in %s", dataDir);
            SystemUnderTest app = SystemUnderTest.start(dataDir);
            app.projections().forEach(StreamingEventProcessor::shutDown); // the fill alone on the store
            // the dunning timers would plan (and fire) the ledger's past steps while it is written
            app.commandProcessors().forEach(StreamingEventProcessor::shutDown);

            EventStorageEngine engine = app.commandSide().getBean(EventStorageEngine.class);
            StoreFiller.Fill fill;
            if (options.ledger()) {
                int customers = options.ledgerCustomers() > 0 ? options.ledgerCustomers()
                        : LedgerFiller.customersFor(size);
                int longEvents = (int) Math.min(options.longHistory(), size / 2);
                log("filling a ledger of %,d customers and a year, after %,d events of %s (time box %d min)",
                        customers, longEvents, StoreFiller.LONG_HISTORY_ACCOUNT, options.maxFill().toMinutes());
                LedgerFiller.Result filled = LedgerFiller.fill(engine, customers, longEvents, options.fillThreads(),
                        options.maxFill(), options.seed());
                fill = filled.fill();
                ledger = filled.facts();
                log("ledger: %s", ledger);
            } else {
                log("filling %,d events (time box %d min)", size, options.maxFill().toMinutes());
                fill = StoreFiller.fill(engine, size, options.eventsPerAccount(), options.longHistory(),
                        options.fillThreads(), options.maxFill());
            }
            log("filled %,d events in %.0f s (%.0f events/s)", fill.events(), fill.seconds(), fill.rate());
            // as if the timers had run: the ledger's steps are recorded up to now, later ones are not planned
            ProjectionRebuild.skipToHead(app.commandProcessors(), app.commandSide().getBean(TokenStore.class),
                    app.commandSide().getBean(EventStore.class).createHeadToken());
            if (fill.stoppedEarly()) {
                notes.add(String.format("fill stopped by its time box at %,d of %,d events", fill.events(), size));
            }

            log("raw driver baseline");
            RawDriverBaseline.Rates raw = new RawDriverBaseline(app.storeConnectionString(),
                    app.commandSide().getBean(Serializer.class)).measure(options.duration().dividedBy(2));
            log("raw: %s", raw);

            app.close();
            long restart = System.nanoTime();
            app = SystemUnderTest.start(dataDir);
            double startSeconds = (System.nanoTime() - restart) / 1e9;
            log("started on the filled store in %.1f s", startSeconds);

            try (MongoClient client = MongoClients.create(app.storeConnectionString())) {
                ProjectionRebuild.Result rebuild = ProjectionRebuild.run(app.projections(), fill.events(),
                        app.querySide().getBean(EventStore.class).createHeadToken(), options.maxRebuild(), client.getDatabase("creditdesk").getCollection("timeline"));
                log("rebuild: %s (%.0f events/s)", rebuild, rebuild.rate());
                if (!rebuild.completed()) {
                    notes.add(String.format("rebuild not caught up within %d min; rate from the %,d timeline entries "
                            + "written; the projections then skipped to the head", options.maxRebuild().toMinutes(),
                            rebuild.timelineEntries()));
                    ProjectionRebuild.skipToHead(app.projections(), app.querySide().getBean(TokenStore.class),
                            app.querySide().getBean(EventStore.class).createHeadToken());
                }

                Http http = new Http(app.commandPort(), app.queryPort());
                Map<String, Client> clients = Map.of("http", Clients.http(http), "in-process", Clients.inProcess(app));
                Workloads workloads = new Workloads();
                List<String> pool = pool(fill);
                List<ViewReads.Read> views = ledger == null ? List.of() : viewReads(http, rebuild.completed());
                // first what needs a query side that keeps up; the closed-loop throughput runs last, since
                // it leaves the projections a backlog of thousands of orders to work off
                Workloads.Visibility visibility = visibility(workloads, http,
                        clients.get(options.visibilityClient()), pool);
                List<StreamVisibility.Result> streams = ledger == null || pool.isEmpty() ? List.of()
                        : streams(workloads, http, clients.get(options.visibilityClient()), pool);
                AuditReads.AsOf asOf = AuditReads.asOf(http, StoreFiller.LONG_HISTORY_ACCOUNT,
                        Math.min(options.longHistory(), fill.events() / 2), fill.longHistoryMiddle(), 50);
                log("as-of: %s", asOf);
                AuditReads.Export export = AuditReads.export(http, options.maxRebuild());
                log("export: %s (%.0f lines/s)", export, export.rate());
                List<Workloads.Throughput> commands = commands(workloads, clients, pool);

                System.gc();
                Runtime runtime = Runtime.getRuntime();
                long heapUsed = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
                long storeFile = sizeMb(dataDir);
                app.close();
                return new Report.SizeResult(size, fill, startSeconds, raw, rebuild, commands, visibility, asOf, export,
                        heapUsed, runtime.maxMemory() >> 20, storeFile, (System.nanoTime() - started) / 1e9, notes,
                        ledger, views, streams);
            }
        }

        /**
         * The views on the ledger, one GET after the other: finance, the big manager's sales view, the KPIs of the
         * last whole quarter, and random customers' account, first timeline page and as-of (mid-year).
         */
        private List<ViewReads.Read> viewReads(Http http, boolean rebuilt) {
            if (!rebuilt) {
                notes.add("the views were read on a query side whose rebuild did not complete: they hold part of the ledger");
            }
            Random random = new Random(options.seed());
            Supplier<String> customer = () -> LedgerYear.customerId(random.nextInt(ledger.customers()));
            int n = options.viewQueries();
            Duration box = Duration.ofMinutes(2);
            List<ViewReads.Read> reads = new ArrayList<>();
            reads.add(ViewReads.measure(http, "finance", () -> "/api/views/finance", n, box));
            reads.add(ViewReads.measure(http, "sales (" + ledger.bigManager() + ", " + ledger.bigManagerCustomers()
                    + " customers)", () -> "/api/views/sales?accountManager=" + ledger.bigManager(), n, box));
            reads.add(ViewReads.measure(http, "KPIs of a quarter", () -> "/api/kpis?from=" + ledger.kpiFrom() + "&to="
                    + ledger.kpiTo(), n, box));
            reads.add(ViewReads.measure(http, "account", () -> "/api/accounts/" + customer.get(), n, box));
            reads.add(ViewReads.measure(http, "timeline page (50)", () -> "/api/accounts/" + customer.get()
                    + "/timeline?page=0&size=50", n, box));
            reads.add(ViewReads.measure(http, "as-of (ledger account, mid-year)", () -> "/api/accounts/"
                    + customer.get() + "/as-of?at=" + ledger.middle(), n, box));
            reads.forEach(read -> log("view: %s", read));
            return reads;
        }

        /**
         * Visibility on the big manager's sales stream (an order blocked on one of the manager's probe accounts,
         * which have no limit, is new in blockedOrders; once seen it is cancelled), then on the finance stream (a
         * release request of a blocked order is new in releaseRequests; once seen it is rejected and another order is
         * blocked in its place, so {@value StoreBenchmark#RELEASE_STOCK} blocked orders wait for a request throughout); the load is
         * orders on the pool, as on the account stream. The resolutions come besides the rate's commands.
         */
        private List<StreamVisibility.Result> streams(Workloads workloads, Http http, Client client, List<String> pool) {
            String manager = ledger.bigManager();
            List<String> probes = workloads.openAccounts(http, "BS", PROBE_ACCOUNTS, manager, false);
            List<String> releaseAccounts = workloads.openAccounts(http, "BR", PROBE_ACCOUNTS, "am-probes", false);
            if (!Workloads.awaitViews(client, probes, Duration.ofMinutes(2))) {
                notes.add("the sales probe accounts' views did not appear within 2 min: stream visibility not measured");
                return List.of();
            }
            String runId = Long.toString(System.currentTimeMillis(), 36);
            AtomicLong ids = new AtomicLong();
            Supplier<String> orderIds = () -> "BV-" + runId + "-" + ids.incrementAndGet();
            List<StreamVisibility.Result> results = new ArrayList<>();
            try (ViewStream sales = new ViewStream(http, "/api/stream/views/sales?accountManager=" + manager)) {
                if (!sales.started(Duration.ofSeconds(30))) {
                    notes.add("the sales stream did not start within 30 s: not measured");
                    return results;
                }
                AtomicLong n = new AtomicLong();
                results.add(logged(StreamVisibility.measure("sales (" + manager + ")",
                        "PlaceOrder → new in blockedOrders (then cancelled)", sales, client, options.rate(),
                        options.visibilityDuration(), options.sampleEvery(), Workloads.randomOf(pool), orderIds, () -> {
                            String customerId = probes.get((int) (n.getAndIncrement() % probes.size()));
                            String orderId = orderIds.get();
                            return new StreamVisibility.Probe(orderId, () -> client.placeOrder(customerId, orderId),
                                    () -> command(http, "POST", "/api/accounts/" + customerId + "/orders/" + orderId
                                            + "/cancel", "erp", "{\"reason\":\"benchmark\"}", 200));
                        })));
            }
            Queue<String[]> waiting = new ConcurrentLinkedQueue<>();
            for (int i = 0; i < RELEASE_STOCK; i++) {
                String customerId = releaseAccounts.get(i % releaseAccounts.size());
                String orderId = orderIds.get();
                if (client.placeOrder(customerId, orderId).join() == null) {
                    waiting.add(new String[]{customerId, orderId});
                }
            }
            try (ViewStream finance = new ViewStream(http, "/api/stream/views/finance")) {
                if (!finance.started(Duration.ofSeconds(30))) {
                    notes.add("the finance stream did not start within 30 s: not measured");
                    return results;
                }
                String request = "{\"justification\":\"benchmark\",\"proposedMeasure\":\"NONE\"}";
                String rejection = "{\"decision\":\"REJECT\",\"note\":\"benchmark\"}";
                results.add(logged(StreamVisibility.measure("finance",
                        "RequestRelease → new in releaseRequests (then rejected)", finance, client, options.rate(),
                        options.visibilityDuration(), options.sampleEvery(), Workloads.randomOf(pool), orderIds, () -> {
                            String[] order = waiting.poll();
                            if (order == null) {
                                return null;
                            }
                            String path = "/api/accounts/" + order[0] + "/orders/" + order[1];
                            return new StreamVisibility.Probe(order[1],
                                    () -> command(http, "POST", path + "/release-requests", "sales1", request, 202),
                                    () -> command(http, "POST", path + "/release-decision", "credit1", rejection, 200)
                                            .thenCompose(error -> {
                                                String next = orderIds.get();
                                                return error != null ? CompletableFuture.completedFuture(error)
                                                        : client.placeOrder(order[0], next).thenApply(placed -> {
                                                            if (placed == null) {
                                                                waiting.add(new String[]{order[0], next});
                                                            }
                                                            return placed;
                                                        });
                                            }));
                        })));
            }
            return results;
        }

        /** Sends a command; completes with null when answered with {@code expected}, else with why not. */
        private static CompletableFuture<String> command(Http http, String method, String path, String user,
                                                         String json, int expected) {
            return http.sendAsync(http.command(method, path, user, json)).handle((answer, failure) ->
                    failure != null ? failure.toString()
                            : answer.statusCode() == expected ? null : Clients.problem(answer));
        }

        private StreamVisibility.Result logged(StreamVisibility.Result result) {
            log("stream visibility: %s", result);
            return result;
        }

        /** Filled accounts with a limit, spread over the store; account 0 is the hot one and not among them. */
        private List<String> pool(StoreFiller.Fill fill) {
            if (ledger != null) {
                int poolSize = Math.min(options.poolAccounts(), ledger.customers() - 1);
                List<String> pool = new ArrayList<>();
                for (int i = 0; i < poolSize; i++) {
                    pool.add(LedgerYear.customerId(1 + (int) ((long) i * (ledger.customers() - 1) / poolSize)));
                }
                return pool;
            }
            // the first rounds of the fill open every account, then set every limit
            int withLimit = (int) Math.min(fill.accounts(), Math.max(0, fill.events() - fill.accounts()));
            int poolSize = Math.min(options.poolAccounts(), withLimit - 1);
            List<String> pool = new ArrayList<>();
            for (int i = 0; i < poolSize; i++) {
                pool.add(StoreFiller.accountId(1 + (int) ((long) i * (withLimit - 1) / poolSize)));
            }
            if (pool.isEmpty()) {
                notes.add("too few filled accounts for the command measurements");
            }
            return pool;
        }

        private List<Workloads.Throughput> commands(Workloads workloads, Map<String, Client> clients,
                                                    List<String> pool) {
            if (pool.isEmpty()) {
                return List.of();
            }
            Supplier<String> distinct = Workloads.randomOf(pool);
            String hot = ledger != null ? LedgerYear.customerId(0) : StoreFiller.accountId(0);
            List<Workloads.Throughput> results = new ArrayList<>();
            for (String name : options.clients()) {
                Client client = clients.get(name.trim());
                log("warm-up (%s)", client.name());
                workloads.placeOrders(client, "warm-up", 8, options.duration().dividedBy(2), distinct);
                for (int threads : options.threads()) {
                    results.add(logged(workloads.placeOrders(client, "distinct", threads, options.duration(),
                            distinct)));
                }
                for (int threads : options.threads()) {
                    results.add(logged(workloads.placeOrders(client, "hot", threads, options.duration(), () -> hot)));
                }
            }
            return results;
        }

        private Workloads.Visibility visibility(Workloads workloads, Http http, Client client, List<String> pool) {
            if (pool.isEmpty()) {
                return null;
            }
            // loads every one of the pool's accounts into the command side's cache (on the ledger they hold a year
            // of history each: loading them is not what the visibility measures), then warms the code path; the
            // probes' views then appear only once the query side has worked off what the warm-up left it
            log("warm-up (%s): one order on each of the %,d pool accounts", client.name(), pool.size());
            workloads.placeOrdersOnEach(client, "warm-up", 8, pool);
            workloads.placeOrders(client, "warm-up", 8, options.duration().dividedBy(2), Workloads.randomOf(pool));
            log("visibility: opening %d probe accounts", PROBE_ACCOUNTS);
            List<String> probes = workloads.openAccounts(http, "BP", PROBE_ACCOUNTS);
            if (!Workloads.awaitViews(client, probes, Duration.ofMinutes(2))) {
                notes.add("the probe accounts' views did not appear within 2 min: visibility not measured");
                return null;
            }
            try (AccountStreams streams = new AccountStreams(http, probes)) {
                if (!streams.allStarted(probes, Duration.ofSeconds(30))) {
                    notes.add("the probe accounts' live streams did not start within 30 s: visibility not measured");
                    return null;
                }
                // the streams push; checking what they last showed every millisecond costs next to nothing
                Workloads.Visibility visibility = workloads.visibility(client, options.rate(), options.visibilityDuration(),
                        options.sampleEvery(), Duration.ofMillis(1), probes, Workloads.randomOf(pool),
                        streams::exposure);
                log("visibility: %s", visibility);
                return visibility;
            }
        }

        private Workloads.Throughput logged(Workloads.Throughput result) {
            log("%s", result);
            return result;
        }

        private void log(String format, Object... args) {
            System.out.printf("[%,d events, %4.0f s] %s%n", size, (System.nanoTime() - started) / 1e9,
                    String.format(format, args));
        }
    }

    private static long sizeMb(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
