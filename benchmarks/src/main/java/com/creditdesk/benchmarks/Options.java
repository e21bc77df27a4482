package com.creditdesk.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Command-line options ({@code --name value}); every one has a default, listed in {@link #HELP}. */
record Options(List<Long> sizes, Duration duration, Path dataDir, Path out, Duration maxFill, Duration maxRebuild,
               Duration maxSize, int eventsPerAccount, int poolAccounts, List<Integer> threads, double rate,
               int sampleEvery, int fillThreads, int longHistory, boolean keepData, List<String> clients,
               String visibilityClient, String store, int ledgerCustomers, long seed, int viewQueries,
               Duration visibilityDuration, Map<String, String> raw) {

    /** Instead of the whole system: the event storage engine's append and load rates alone (AppendThroughput). */
    static final String APPEND_THROUGHPUT = "--append-throughput";

    static final String HELP = """
            StoreBenchmark: Credit Desk on the embedded store (H2), one fresh JVM and store per size.
            --append-throughput alone instead: the event storage engine's append and load rates, empty and
            after 20 k events, memory and H2 backends, next to Axon's MongoEventStorageEngine (AppendThroughput).
              --sizes 10000,100000,1000000   store sizes in events
              --duration-seconds 15          each command measurement (raw driver, warm-up: half of it)
              --data-dir <tmp>               where the stores are created (deleted afterwards unless --keep-data true)
              --out <jar dir>/benchmark-results.md   the Markdown report (and .json per size beside it)
              --max-fill-minutes 15          time box of filling one store
              --max-rebuild-minutes 5        time box of the projection rebuild
              --max-size-minutes 60          time box of one size as a whole (the child JVM is killed)
              --events-per-account 10        history length of each filled account
              --pool-accounts 1000           accounts the distinct-account orders go to
              --threads 1,8,32               client threads of the throughput measurements
              --rate 200                     commands/s of the visibility measurement
              --sample-every 10              every n-th of those commands is followed to the query side
              --visibility-seconds <duration> each visibility measurement (account, sales, finance stream);
                                             100 at 200/s and every 10th gives 2,000 samples per stream
              --fill-threads 4               writers while filling (each append is one event, as a command's)
              --long-history 10000           events of the one account the as-of measurement reads
              --clients http,in-process      how the throughput measurements talk to the apps (see Clients)
              --visibility-client in-process how the visibility measurement sends its orders
              --keep-data false              keep each size's data folder
              --store ledger                 ledger: a year of business of size/100 customers (LedgerYear);
                                             orders: accounts, limits and accepted orders only (StoreFiller)
              --ledger-customers 0           customers of the ledger; 0: size / 100 (10,000 customers ≈ 1 M events)
              --seed 15                      the ledger's random seed
              --view-queries 50              GETs per view measured on the ledger
            """;

    static Options parse(String... args) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got " + args[i] + "\n" + HELP);
            }
            raw.put(args[i].substring(2), args[++i]);
        }
        return new Options(
                longs(raw.getOrDefault("sizes", "10000,100000,1000000")),
                Duration.ofSeconds(Long.parseLong(raw.getOrDefault("duration-seconds", "15"))),
                Path.of(raw.getOrDefault("data-dir", System.getProperty("java.io.tmpdir"))),
                Path.of(raw.getOrDefault("out", defaultOut().toString())),
                Duration.ofMinutes(Long.parseLong(raw.getOrDefault("max-fill-minutes", "15"))),
                Duration.ofMinutes(Long.parseLong(raw.getOrDefault("max-rebuild-minutes", "5"))),
                Duration.ofMinutes(Long.parseLong(raw.getOrDefault("max-size-minutes", "60"))),
                Integer.parseInt(raw.getOrDefault("events-per-account", "10")),
                Integer.parseInt(raw.getOrDefault("pool-accounts", "1000")),
                longs(raw.getOrDefault("threads", "1,8,32")).stream().map(Long::intValue).toList(),
                Double.parseDouble(raw.getOrDefault("rate", "200")),
                Integer.parseInt(raw.getOrDefault("sample-every", "10")),
                Integer.parseInt(raw.getOrDefault("fill-threads", "4")),
                Integer.parseInt(raw.getOrDefault("long-history", "10000")),
                Boolean.parseBoolean(raw.getOrDefault("keep-data", "false")),
                List.of(raw.getOrDefault("clients", "http,in-process").split(",")),
                raw.getOrDefault("visibility-client", "in-process"),
                raw.getOrDefault("store", "ledger"),
                Integer.parseInt(raw.getOrDefault("ledger-customers", "0")),
                Long.parseLong(raw.getOrDefault("seed", "15")),
                Integer.parseInt(raw.getOrDefault("view-queries", "50")),
                Duration.ofSeconds(Long.parseLong(raw.getOrDefault("visibility-seconds",
                        raw.getOrDefault("duration-seconds", "15")))),
                raw);
    }

    /** The same options for one size, as a child JVM gets them. */
    List<String> forChild(long size, Path resultFile) {
        List<String> args = new ArrayList<>();
        raw.forEach((name, value) -> {
            if (!name.equals("sizes") && !name.startsWith("child-")) {
                args.add("--" + name);
                args.add(value);
            }
        });
        args.addAll(List.of("--sizes", Long.toString(size), "--child-result", resultFile.toString()));
        return args;
    }

    boolean ledger() {
        return store.equals("ledger");
    }

    /** Set in a child JVM: where it writes the result of its one size. */
    Path childResult() {
        return raw.containsKey("child-result") ? Path.of(raw.get("child-result")) : null;
    }

    private static List<Long> longs(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).map(s -> s.replace("_", ""))
                .map(Long::parseLong).toList();
    }

    /** Beside the jar (benchmarks/target), else the working directory. */
    private static Path defaultOut() {
        Path classPath = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]);
        Path dir = classPath.toString().endsWith(".jar") && classPath.toAbsolutePath().getParent() != null
                ? classPath.toAbsolutePath().getParent() : Path.of(".");
        return dir.resolve("benchmark-results.md");
    }
}
