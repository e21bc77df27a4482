package com.creditdesk.standalone.support;

import org.awaitility.Awaitility;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.Base64;

/** A client of the HTTP contract, as an integrating system or a dashboard would be one. */
public final class Api {
    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public Api(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** An answer: status, content type and body (parsed when it is JSON). */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The JSON at {@code path} once it answers 200 and {@code until} holds: the views are eventually consistent. */
    public JsonNode awaitView(String user, String path, Predicate<JsonNode> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Answer answer = get(user, path);
            return answer.status() == 200 ? answer.json() : null;
        }, view -> view != null && until.test(view));
    }

    public Answer get(String user, String path) {
        return send(user, "GET", path, null, null);
    }

    public Answer post(String user, String path, Object body) {
        return send(user, "POST", path, json(body), "application/json");
    }

    public Answer put(String user, String path, Object body) {
        return send(user, "PUT", path, json(body), "application/json");
    }

    public Answer delete(String user, String path, Object body) {
        return send(user, "DELETE", path, json(body), "application/json");
    }

    /** Sends exactly these bytes with this content type, for malformed input. */
    public Answer send(String user, String method, String path, String rawBody, String contentType) {
        HttpRequest.Builder request = request(user, path).timeout(Duration.ofSeconds(30))
                .method(method, rawBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(rawBody, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.body());
    }

    /** A GET of a binary document (a PDF): its status, content type and bytes. */
    public HttpResponse<byte[]> download(String user, String path) {
        return send(request(user, path).GET().timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET whose body is read as it arrives, for long streams (no time limit). */
    public HttpResponse<java.io.InputStream> stream(String user, String path) {
        return send(request(user, path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpRequest.Builder request(String user, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        if (user != null) {
            String credentials = user + ":" + user; // the demo users' passwords are their names
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        if (body == null || body instanceof String) {
            return (String) body;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
