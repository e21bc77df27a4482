package com.creditdesk.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

/** The HTTP client of the benchmark: HTTP/1.1 with keep-alive and Basic auth, as an ERP would call. */
final class Http {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String commandBase;
    private final String queryBase;

    Http(int commandPort, int queryPort) {
        this.commandBase = "http://127.0.0.1:" + commandPort;
        this.queryBase = "http://127.0.0.1:" + queryPort;
    }

    static String orderJson(String orderId) {
        return "{\"orderId\":\"" + orderId + "\",\"amount\":" + StoreFiller.ORDER_AMOUNT.toPlainString()
                + ",\"currency\":\"EUR\",\"description\":\"" + StoreFiller.DESCRIPTION + "\"}";
    }

    HttpRequest placeOrder(String customerId, String orderId) {
        return command("POST", "/api/accounts/" + customerId + "/orders", "erp", orderJson(orderId));
    }

    HttpRequest command(String method, String path, String user, String json) {
        return authorized(HttpRequest.newBuilder(URI.create(commandBase + path)), user)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    HttpRequest account(String customerId) {
        return authorized(HttpRequest.newBuilder(URI.create(queryBase + "/api/accounts/" + customerId)), "sales1")
                .GET().build();
    }

    /** A query-side read as the analyst would make it. */
    HttpRequest get(String path) {
        return authorized(HttpRequest.newBuilder(URI.create(queryBase + path)), "analyst1").GET().build();
    }

    HttpResponse<java.io.InputStream> stream(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder builder, String user) {
        String credentials = user + ":" + user; // the demo users' passwords are their names
        return builder.timeout(TIMEOUT).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
}
