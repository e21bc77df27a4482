package com.creditdesk.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * Follows one live view ({@code /api/stream/views/...}, server-sent events) as a dashboard does. A sample waits for
 * a key (an order id, say) to appear in a payload: the moment the first payload that contains it arrives is when
 * the change became visible. The keys are unique ids, so finding one in the payload's text is unambiguous, and much
 * cheaper than parsing a view of thousands of customers at every change.
 */
final class ViewStream implements AutoCloseable {
    private final Map<String, LongConsumer> awaited = new ConcurrentHashMap<>();
    private final AtomicLong payloads = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final InputStream body;

    ViewStream(Http http, String path) {
        HttpResponse<InputStream> response = http.stream(http.get(path));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no live stream at " + path + ": " + response.statusCode());
        }
        body = response.body();
        Thread reader = new Thread(this::follow, "sse-" + path);
        reader.setDaemon(true);
        reader.start();
    }

    private void follow() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    long at = System.nanoTime();
                    String payload = line;
                    payloads.incrementAndGet();
                    bytes.addAndGet(payload.length());
                    awaited.forEach((key, seen) -> {
                        if (payload.contains(key) && awaited.remove(key) != null) {
                            seen.accept(at);
                        }
                    });
                }
            }
        } catch (IOException e) {
            // closed: the stream ends
        }
    }

    /** Calls {@code seen} with the arrival time of the first payload that shows {@code id} (as a JSON string). */
    void await(String id, LongConsumer seen) {
        awaited.put("\"" + id + "\"", seen);
    }

    void forget(String id) {
        awaited.remove("\"" + id + "\"");
    }

    long payloads() {
        return payloads.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** True once the stream has sent its current view. */
    boolean started(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (payloads.get() > 0) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return false;
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
