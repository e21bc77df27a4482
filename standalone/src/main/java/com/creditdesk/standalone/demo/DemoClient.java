package com.creditdesk.standalone.demo;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The generator's way in: the command side's HTTP API, with the JSON bodies a client sends, signed in as the demo
 * user who would send each command (the ERP, an account manager, a credit controller). Counts what it sent.
 */
final class DemoClient {
    private static final Logger log = LoggerFactory.getLogger(DemoClient.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String queryUrl;
    private final Map<String, LongAdder> sent = new ConcurrentHashMap<>();
    private final LongAdder refused = new LongAdder();

    DemoClient(int commandPort, int queryPort) {
        this.baseUrl = "http://127.0.0.1:" + commandPort;
        this.queryUrl = "http://127.0.0.1:" + queryPort;
    }

    /** Sends one command; the answer's body, or null when the command was refused (logged and counted). */
    JsonNode send(String user, String method, String path, Map<String, ?> body, String kind) {
        HttpResponse<String> response = exchange(user, method, path, body, Duration.ofSeconds(30));
        sent.computeIfAbsent(kind, k -> new LongAdder()).increment();
        if (response.statusCode() >= 300) {
            refused.increment();
            log.warn("demo command {} {} as {} refused: {} {}", method, path, user, response.statusCode(),
                    response.body());
            return null;
        }
        return read(response.body());
    }

    JsonNode post(String user, String path, Map<String, ?> body, String kind) {
        return send(user, "POST", path, body, kind);
    }

    /** Moves the clock (as the operator); the answer comes once every dunning step that fell due is recorded. */
    void moveClockTo(Instant now) {
        HttpResponse<String> response = exchange("admin", "POST", "/api/admin/clock", Map.of("now", now.toString()),
                Duration.ofMinutes(5));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the clock did not move to " + now + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** A view of the query side, as {@code user} reads it. */
    JsonNode query(String user, String path) {
        HttpResponse<String> response = exchange(user, "GET", queryUrl + path, null, Duration.ofSeconds(30));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + " " + response.body());
        }
        return read(response.body());
    }

    /** Whether every projection of the query side has applied every event recorded so far. */
    boolean projectionsCaughtUp() {
        HttpResponse<String> response = exchange("admin", "GET", queryUrl + "/api/admin/projections", null,
                Duration.ofSeconds(30));
        if (response.statusCode() != 200) {
            return false;
        }
        for (JsonNode projection : read(response.body())) {
            if (!projection.path("lag").isNumber() || projection.path("lag").asLong() > 0) {
                return false;
            }
        }
        return true;
    }

    /** Commands sent, by kind, in name order. */
    Map<String, Long> sent() {
        Map<String, Long> counts = new TreeMap<>();
        sent.forEach((kind, count) -> counts.put(kind, count.sum()));
        return counts;
    }

    long total() {
        return sent.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long refused() {
        return refused.sum();
    }

    private HttpResponse<String> exchange(String user, String method, String path, Map<String, ?> body,
                                          Duration timeout) {
        String credentials = user + ":" + user; // the standalone mode's demo users
        HttpRequest request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path)).timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the command side did not answer " + method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String write(Map<String, ?> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }
}
