package com.creditdesk.benchmarks;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The figures of one store size, and the Markdown report over all sizes with the ratios to the raw limits. */
final class Report {
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** Everything measured at one size; a part that could not be measured is null, with a note saying why. */
    record SizeResult(long requestedEvents, StoreFiller.Fill fill, Double startSeconds, RawDriverBaseline.Rates raw,
                      ProjectionRebuild.Result rebuild, List<Workloads.Throughput> commands,
                      Workloads.Visibility visibility, AuditReads.AsOf asOf, AuditReads.Export export,
                      long heapUsedAfterGcMb, long heapMaxMb, long storeFileMb,
                      double totalSeconds, List<String> notes, LedgerFiller.Facts ledger,
                      List<ViewReads.Read> views, List<StreamVisibility.Result> streams) {
        double best(String client, String workload) {
            return commands == null ? Double.NaN : commands.stream()
                    .filter(c -> c.client().equals(client) && c.workload().equals(workload))
                    .mapToDouble(Workloads.Throughput::opsPerSecond).max().orElse(Double.NaN);
        }
    }

    private Report() {
    }

    static void write(Path file, SizeResult result) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SizeResult read(Path file) {
        try {
            return JSON.readValue(file.toFile(), SizeResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(List<SizeResult> results, String command) {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(machine()).append("\n\n");
        md.append("Command: `").append(command).append("`\n\n");

        md.append("### Store, start and the raw driver's limits (same server, same store size)\n\n");
        table(md, List.of("events in store", "fill (events/s)", "start on this store (s)", "raw insertOne ×1 (/s)",
                        "raw insertOne ×8 (/s)", "raw insertMany 100 (/s)", "raw read `_id $in` 100 (/s)",
                        "raw full scan (/s)", "event doc (bytes)", "H2 file (MB)", "heap after GC (MB)"),
                results.stream().map(r -> List.of(events(r), r.fill() == null ? "–" : num(r.fill().rate()),
                        r.startSeconds() == null ? "–" : dec(r.startSeconds()),
                        raw(r, RawDriverBaseline.Rates::insertOne1), raw(r, RawDriverBaseline.Rates::insertOne8),
                        raw(r, RawDriverBaseline.Rates::insertMany), raw(r, RawDriverBaseline.Rates::readById),
                        raw(r, RawDriverBaseline.Rates::readScan),
                        r.raw() == null ? "–" : Integer.toString(r.raw().documentBytes()),
                        Long.toString(r.storeFileMb()), r.heapUsedAfterGcMb() + " of " + r.heapMaxMb())).toList());

        md.append("\n### Commands: PlaceOrder, closed loop (http = the real client path; in-process = the controller's beans)\n\n");
        md.append("Ratio: orders/s ÷ raw single-document insert limit (the better of insertOne ×1 and ×8).\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (SizeResult r : results) {
            for (Workloads.Throughput t : Objects.requireNonNullElse(r.commands(), List.<Workloads.Throughput>of())) {
                rows.add(List.of(events(r), t.client(), t.workload(), Integer.toString(t.threads()), num(t.opsPerSecond()),
                        ratio(t.opsPerSecond(), r.raw() == null ? Double.NaN : r.raw().insertLimit()),
                        dec(t.p50Millis()), dec(t.p99Millis()), Long.toString(t.errors())));
            }
        }
        table(md, List.of("events", "client", "accounts", "threads", "orders/s", "of raw insert", "p50 ms", "p99 ms", "errors"),
                rows);

        md.append("\n### Command → visible to a subscriber of the account's live stream (SSE; open loop; every n-th order followed)\n\n");
        table(md, List.of("events", "client", "rate (target → achieved /s)", "samples", "visible p50 ms", "visible p99 ms",
                        "max ms", "not visible in 30 s", "samples skipped", "command p50 / p99 ms", "errors"),
                results.stream().filter(r -> r.visibility() != null).map(r -> {
                    Workloads.Visibility v = r.visibility();
                    return List.of(events(r), v.client(), num(v.targetRate()) + " → " + num(v.achievedRate()),
                            Long.toString(v.samples()), dec(v.p50Millis()), dec(v.p99Millis()), dec(v.maxMillis()),
                            Long.toString(v.timedOut()), Long.toString(v.skipped()),
                            dec(v.commandP50Millis()) + " / " + dec(v.commandP99Millis()), Long.toString(v.errors()));
                }).toList());

        md.append("\n### Projection rebuild (reset every query-side processor to the start, until caught up)\n\n");
        md.append("Ratio: events/s ÷ raw `_id $in` read rate.\n\n");
        table(md, List.of("events", "rebuild (events/s)", "of raw read", "completed", "seconds", "timeline entries"),
                results.stream().filter(r -> r.rebuild() != null).map(r -> {
                    ProjectionRebuild.Result b = r.rebuild();
                    return List.of(events(r), num(b.rate()), ratio(b.rate(), r.raw() == null ? Double.NaN
                                    : r.raw().readById()), b.completed() ? "yes" : "no (time box)",
                            dec(b.seconds()), num(b.timelineEntries()));
                }).toList());

        md.append("\n### Analysts' reads: as-of on one long account history, NDJSON export of the whole store\n\n");
        md.append("Export ratio: lines/s ÷ raw `_id $in` read rate.\n\n");
        table(md, List.of("events", "as-of: account events", "as-of p50 ms", "as-of p99 ms", "export (lines/s)",
                        "of raw read", "export completed", "errors"),
                results.stream().filter(r -> r.asOf() != null && r.export() != null).map(r -> List.of(events(r),
                        num(r.asOf().events()), dec(r.asOf().p50Millis()), dec(r.asOf().p99Millis()),
                        num(r.export().rate()), ratio(r.export().rate(), r.raw() == null ? Double.NaN
                                : r.raw().readById()), r.export().completed() ? "yes" : "no (time box)",
                        Objects.toString(r.asOf().firstError(), "") + Objects.toString(r.export().firstError(), "")))
                        .toList());

        ledgerTables(md, results);

        md.append("\n### Targets\n\n");
        table(md, List.of("target", "figures per size", "met?"), targets(results));

        List<String> notes = results.stream().flatMap(r -> r.notes().stream().map(n -> events(r) + ": " + n))
                .toList();
        if (!notes.isEmpty()) {
            md.append("\nNotes of the run:\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        return md.toString();
    }

    /** What the ledger holds, the views read on it, and visibility on the live views' streams. */
    private static void ledgerTables(StringBuilder md, List<SizeResult> results) {
        List<SizeResult> ledgers = results.stream().filter(r -> r.ledger() != null).toList();
        if (ledgers.isEmpty()) {
            return;
        }
        md.append("\n### The ledger: a year of business (LedgerYear), besides the long history\n\n");
        table(md, List.of("events", "customers", "big manager's customers", "ledger events", "commits", "orders",
                        "blocked", "release requests", "invoices", "payments", "disputes", "promises (kept)",
                        "dunning steps", "hand-overs", "signals", "open at the end", "overdue at the end"),
                ledgers.stream().map(r -> {
                    LedgerFiller.Facts l = r.ledger();
                    return List.of(events(r), num(l.customers()), num(l.bigManagerCustomers()) + " (" + l.bigManager()
                                    + ")", num(l.events()), num(l.commits()),
                            num(l.count("OrderAccepted") + l.count("OrderBlocked")), num(l.count("OrderBlocked")),
                            num(l.count("ReleaseRequested")), num(l.count("InvoiceIssued")),
                            num(l.count("PaymentRegistered")), num(l.count("InvoiceDisputed")),
                            num(l.count("PaymentPromised")) + " (" + num(l.count("PaymentPromiseKept")) + ")",
                            num(l.count("DunningStepReached")), num(l.count("InvoiceHandedOver")),
                            num(l.count("SalesSignalReported")), money(l.openBalance()), money(l.overdueBalance()));
                }).toList());

        md.append("\n### Views on the ledger (GET over HTTP as analyst1, one after the other; random customers)\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (SizeResult r : ledgers) {
            for (ViewReads.Read v : Objects.requireNonNullElse(r.views(), List.<ViewReads.Read>of())) {
                rows.add(List.of(events(r), v.view(), "`" + v.example() + "`", num(v.queries()), dec(v.p50Millis()),
                        dec(v.p99Millis()), dec(v.maxMillis()), dec(v.answerKb()), Objects.toString(v.firstError(), "")));
            }
        }
        table(md, List.of("events", "view", "example", "queries", "p50 ms", "p99 ms", "max ms", "answer (KB)", "errors"),
                rows);

        md.append("\n### Command → visible on the live views' streams (SSE; open loop; every n-th command a probe)\n\n");
        md.append("Visible: the first payload of the stream that holds the probe's id. The load is PlaceOrder on the "
                + "ledger's customers.\n\n");
        rows = new ArrayList<>();
        for (SizeResult r : ledgers) {
            for (StreamVisibility.Result s : Objects.requireNonNullElse(r.streams(), List.<StreamVisibility.Result>of())) {
                Workloads.Visibility v = s.figures();
                rows.add(List.of(events(r), s.stream(), s.probe(), num(v.targetRate()) + " → " + num(v.achievedRate()),
                        Long.toString(v.samples()), dec(v.p50Millis()), dec(v.p99Millis()), dec(v.maxMillis()),
                        Long.toString(v.timedOut()), num(s.payloads()) + " / " + dec(s.payloadMb()),
                        dec(v.commandP50Millis()) + " / " + dec(v.commandP99Millis()), Long.toString(v.errors())));
            }
        }
        table(md, List.of("events", "stream", "probe", "rate (target → achieved /s)", "samples", "visible p50 ms",
                "visible p99 ms", "max ms", "not visible in 30 s", "payloads / MB sent", "command p50 / p99 ms",
                "errors"), rows);
    }

    private static List<List<String>> targets(List<SizeResult> results) {
        List<SizeResult> sorted = results.stream().sorted(Comparator.comparingLong(SizeResult::requestedEvents))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (String client : clients(sorted)) {
            rows.add(target("distinct accounts ≥ 25 % of raw insert (" + client + ")", sorted,
                    r -> r.best(client, "distinct") / (r.raw() == null ? Double.NaN : r.raw().insertLimit()),
                    0.25, true));
            if (sorted.size() > 1) {
                SizeResult small = sorted.get(0);
                SizeResult large = sorted.get(sorted.size() - 1);
                double kept = large.best(client, "distinct") / small.best(client, "distinct");
                rows.add(List.of("distinct at the largest size ≥ 80 % of the smallest (" + client + ")",
                        events(large) + " vs " + events(small) + ": " + pct(kept),
                        verdict(List.of(kept), v -> v >= 0.8)));
            }
            rows.add(target("one hot account ≥ 1,000 orders/s (" + client + ")", sorted,
                    r -> r.best(client, "hot"), 1000, false));
        }
        if (sorted.size() > 1) {
            SizeResult small = sorted.get(0);
            SizeResult large = sorted.get(sorted.size() - 1);
            double flat = large.rebuild() == null || small.rebuild() == null ? Double.NaN
                    : large.rebuild().rate() / small.rebuild().rate();
            rows.add(List.of("rebuild flat in store size (largest ÷ smallest)",
                    events(large) + " vs " + events(small) + ": " + pct(flat), verdict(List.of(flat), v -> v >= 0.8)));
        }
        rows.add(targetAtMost("command → visible p99 ≤ 100 ms", sorted,
                r -> r.visibility() == null ? Double.NaN : r.visibility().p99Millis(), 100));
        rows.add(target("rebuild ≥ 30 % of raw read", sorted, r -> r.rebuild() == null || r.raw() == null
                ? Double.NaN : r.rebuild().rate() / r.raw().readById(), 0.30, true));
        rows.add(targetAtMost("as-of ≤ 100 ms (p99, account of 10,000 events)", sorted,
                r -> r.asOf() == null ? Double.NaN : r.asOf().p99Millis(), 100));
        if (sorted.stream().anyMatch(r -> r.views() != null && !r.views().isEmpty())) {
            rows.add(targetAtMost("every view GET p99 ≤ 50 ms on the ledger (the slowest view)", sorted,
                    r -> r.views() == null || r.views().isEmpty() ? Double.NaN : r.views().stream()
                            .mapToDouble(ViewReads.Read::p99Millis).max().orElse(Double.NaN), 50));
            rows.add(targetAtMost("sales and finance stream visible p99 ≤ 100 ms (the slower)", sorted,
                    r -> r.streams() == null || r.streams().isEmpty() ? Double.NaN : r.streams().stream()
                            .mapToDouble(st -> st.figures().p99Millis()).max().orElse(Double.NaN), 100));
        }
        rows.add(targetAtMost("start ≤ 10 s on the filled store", sorted,
                r -> r.startSeconds() == null ? Double.NaN : r.startSeconds(), 10));
        return rows;
    }

    private static List<String> clients(List<SizeResult> results) {
        return results.stream().filter(r -> r.commands() != null).flatMap(r -> r.commands().stream())
                .map(Workloads.Throughput::client).distinct().toList();
    }

    private static List<String> target(String name, List<SizeResult> results, Function<SizeResult, Double> figure,
                                       double atLeast, boolean percent) {
        List<Double> figures = results.stream().map(figure).toList();
        return List.of(name, results.stream().map(r -> events(r) + ": "
                        + (percent ? pct(figure.apply(r)) : num(figure.apply(r)))).collect(Collectors.joining("; ")),
                verdict(figures, v -> v >= atLeast));
    }

    private static List<String> targetAtMost(String name, List<SizeResult> results,
                                             Function<SizeResult, Double> figure, double atMost) {
        return List.of(name, results.stream().map(r -> events(r) + ": " + dec(figure.apply(r)))
                .collect(Collectors.joining("; ")), verdict(results.stream().map(figure).toList(), v -> v <= atMost));
    }

    /** Met only where measured at every size and within the target everywhere. */
    private static String verdict(List<Double> figures, Predicate<Double> met) {
        if (figures.stream().allMatch(v -> v.isNaN())) {
            return "not measured";
        }
        boolean all = figures.stream().noneMatch(v -> v.isNaN());
        boolean within = figures.stream().filter(v -> !v.isNaN()).allMatch(met);
        return within ? (all ? "yes" : "yes where measured") : "**no**";
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException ignored) {
            // not Linux: the CPU stays unknown
        }
        long memoryGb = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() >> 30;
        return String.format(Locale.ROOT, "%d cores (%s), %d GB RAM, Java %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, memoryGb, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    private static void table(StringBuilder md, List<String> header, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", header)).append(" |\n|");
        header.forEach(h -> md.append("---|"));
        md.append('\n');
        rows.forEach(row -> md.append("| ").append(String.join(" | ", row)).append(" |\n"));
    }

    private static String events(SizeResult r) {
        long filled = r.fill() == null ? 0 : r.fill().events();
        String size = num(r.requestedEvents());
        return filled == r.requestedEvents() ? size : size + " (filled " + num(filled) + ")";
    }

    private static String raw(SizeResult r, Function<RawDriverBaseline.Rates, Double> rate) {
        return r.raw() == null ? "–" : num(rate.apply(r.raw()));
    }

    private static String ratio(double value, double limit) {
        return pct(value / limit);
    }

    private static String pct(double fraction) {
        return Double.isNaN(fraction) || Double.isInfinite(fraction) ? "–"
                : String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String money(java.math.BigDecimal amount) {
        return amount == null ? "–" : String.format(Locale.ROOT, "%,.0f", amount);
    }

    private static String dec(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%,.0f", value);
    }
}
