package com.creditdesk.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** What analysts read over HTTP: an account as of an instant, and the NDJSON export of the history. */
final class AuditReads {

    /** As-of latency on one account, {@code queries} times, at an instant in the middle of its history. */
    record AsOf(String customerId, long events, long queries, double p50Millis, double p99Millis, double maxMillis,
                String firstError) {
    }

    /** Lines exported per second, the whole store or as much as fits the time box. */
    record Export(long lines, double seconds, boolean completed, String firstError) {
        double rate() {
            return lines / seconds;
        }
    }

    private AuditReads() {
    }

    static AsOf asOf(Http http, String customerId, long events, Instant at, int queries) {
        Histogram latencies = new Histogram(3);
        String firstError = null;
        for (int i = 0; i < queries + 3; i++) {
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(http.get("/api/accounts/" + customerId + "/as-of?at=" + at));
            long micros = (System.nanoTime() - started) / 1000;
            if (answer.statusCode() != 200 && firstError == null) {
                firstError = Clients.problem(answer);
            }
            if (i >= 3) { // the first three warm the path
                latencies.recordValue(micros);
            }
        }
        return new AsOf(customerId, events, queries, latencies.getValueAtPercentile(50) / 1000.0,
                latencies.getValueAtPercentile(99) / 1000.0, latencies.getMaxValue() / 1000.0, firstError);
    }

    static Export export(Http http, Duration timeBox) {
        long started = System.nanoTime();
        long deadline = started + timeBox.toNanos();
        long lines = 0;
        boolean completed = true;
        HttpResponse<InputStream> answer = http.stream(http.get("/api/events"));
        if (answer.statusCode() != 200) {
            return new Export(0, 0, false, answer.statusCode() + " from /api/events");
        }
        try (InputStream body = answer.body();
             BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            while (reader.readLine() != null) {
                lines++;
                if ((lines & 1023) == 0 && System.nanoTime() > deadline) {
                    completed = false;
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Export(lines, (System.nanoTime() - started) / 1e9, completed, null);
    }
}
