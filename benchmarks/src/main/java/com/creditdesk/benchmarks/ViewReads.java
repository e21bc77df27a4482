package com.creditdesk.benchmarks;

import org.HdrHistogram.Histogram;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/** GET latency of the query side's views on the ledger, one request after the other, as a dashboard reloads them. */
final class ViewReads {
    private static final int WARM_UP = 3;

    /** {@code answerKb}: the size of the last answer. */
    record Read(String view, String example, long queries, double p50Millis, double p99Millis, double maxMillis,
                double answerKb, String firstError) {
    }

    private ViewReads() {
    }

    /** {@code queries} reads (after a warm-up), or as many as fit the time box. */
    static Read measure(Http http, String view, Supplier<String> paths, int queries, Duration timeBox) {
        Histogram latencies = new Histogram(3);
        String firstError = null;
        String example = paths.get();
        long bytes = 0;
        long deadline = System.nanoTime() + timeBox.toNanos();
        for (int i = 0; i < queries + WARM_UP && System.nanoTime() < deadline; i++) {
            String path = i == 0 ? example : paths.get();
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(http.get(path));
            long micros = (System.nanoTime() - started) / 1000;
            if (answer.statusCode() != 200 && firstError == null) {
                firstError = Clients.problem(answer);
            }
            bytes = answer.body() == null ? 0 : answer.body().length();
            if (i >= WARM_UP) {
                latencies.recordValue(micros);
            }
        }
        boolean none = latencies.getTotalCount() == 0;
        return new Read(view, example, latencies.getTotalCount(),
                none ? Double.NaN : latencies.getValueAtPercentile(50) / 1000.0,
                none ? Double.NaN : latencies.getValueAtPercentile(99) / 1000.0,
                none ? Double.NaN : latencies.getMaxValue() / 1000.0, bytes / 1024.0, firstError);
    }
}
