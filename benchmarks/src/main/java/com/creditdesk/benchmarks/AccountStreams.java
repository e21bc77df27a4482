package com.creditdesk.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Follows accounts through their live streams ({@code /api/stream/accounts/{id}}, server-sent events), as a
 * dashboard does, and keeps the exposure each one showed last: visibility is measured to the moment the
 * change reaches a subscriber.
 */
final class AccountStreams implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, BigDecimal> exposure = new ConcurrentHashMap<>();
    private final List<InputStream> bodies = new ArrayList<>();

    AccountStreams(Http http, List<String> customerIds) {
        for (String customerId : customerIds) {
            HttpResponse<InputStream> response = http.stream(http.get("/api/stream/accounts/" + customerId));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no live stream for " + customerId + ": " + response.statusCode());
            }
            bodies.add(response.body());
            Thread reader = new Thread(() -> follow(customerId, response.body()), "sse-" + customerId);
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void follow(String customerId, InputStream body) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    exposure.put(customerId, JSON.readTree(line.substring(5)).get("exposure").decimalValue());
                }
            }
        } catch (IOException e) {
            // closed: the stream ends
        }
    }

    /** The exposure the account's stream showed last; -1 before its first event. */
    BigDecimal exposure(String customerId) {
        return exposure.getOrDefault(customerId, BigDecimal.ONE.negate());
    }

    /** True once every stream has sent its current view. */
    boolean allStarted(List<String> customerIds, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (customerIds.stream().allMatch(exposure::containsKey)) {
                return true;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return false;
    }

    @Override
    public void close() {
        for (InputStream body : bodies) {
            try {
                body.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
