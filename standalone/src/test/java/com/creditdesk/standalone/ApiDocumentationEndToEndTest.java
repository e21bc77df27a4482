package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Both sides publish an OpenAPI 3 document ({@code /v3/api-docs}) and Swagger UI, open to everyone, generated from
 * the controllers: every endpoint of the contract's two tables (docs/CONTRACT.md) is in it, with the request body's
 * schema where the contract names a body, and the problem+json answers. The documents committed under
 * {@code docs/openapi/} must be the ones the code serves: run with {@code -Dopenapi.write=true} to write them again.
 */
class ApiDocumentationEndToEndTest {
    /** method, path, whether the contract names a request body: the command side's table. */
    static final List<Endpoint> COMMAND_SIDE = List.of(
            new Endpoint("post", "/api/accounts", true),
            new Endpoint("put", "/api/accounts/{customerId}/credit-limit", true),
            new Endpoint("post", "/api/accounts/{customerId}/securities", true),
            new Endpoint("post", "/api/accounts/{customerId}/orders", true),
            new Endpoint("post", "/api/accounts/{customerId}/orders/{orderId}/cancel", true),
            new Endpoint("post", "/api/accounts/{customerId}/orders/{orderId}/release-requests", true),
            new Endpoint("post", "/api/accounts/{customerId}/orders/{orderId}/release-decision", true),
            new Endpoint("post", "/api/accounts/{customerId}/invoices", true),
            new Endpoint("post", "/api/accounts/{customerId}/payments", true),
            new Endpoint("post", "/api/accounts/{customerId}/sales-signals", true),
            new Endpoint("post", "/api/accounts/{customerId}/reviews/current/conclusion", true),
            new Endpoint("post", "/api/accounts/{customerId}/payment-terms", true),
            new Endpoint("post", "/api/accounts/{customerId}/payment-terms/approval", true),
            new Endpoint("post", "/api/accounts/{customerId}/hold", true),
            new Endpoint("delete", "/api/accounts/{customerId}/hold", true),
            new Endpoint("post", "/api/accounts/{customerId}/invoices/{invoiceId}/disputes", true),
            new Endpoint("post", "/api/accounts/{customerId}/invoices/{invoiceId}/disputes/resolution", true),
            new Endpoint("post", "/api/accounts/{customerId}/invoices/{invoiceId}/payment-promises", true),
            new Endpoint("post", "/api/accounts/{customerId}/invoices/{invoiceId}/collection-handover/approvals", true),
            new Endpoint("get", "/api/admin/clock", false),
            new Endpoint("post", "/api/admin/clock", true));

    /** The query side's table (its only body is the policy simulation's). */
    static final List<Endpoint> QUERY_SIDE = List.of(
            new Endpoint("get", "/api/accounts/{customerId}", false),
            new Endpoint("get", "/api/accounts", false),
            new Endpoint("get", "/api/accounts/{customerId}/timeline", false),
            new Endpoint("get", "/api/orders/{orderId}", false),
            new Endpoint("get", "/api/invoices/{invoiceId}", false),
            new Endpoint("get", "/api/views/sales", false),
            new Endpoint("get", "/api/views/finance", false),
            new Endpoint("get", "/api/kpis", false),
            new Endpoint("get", "/api/kpis/collections", false),
            new Endpoint("get", "/api/stream/accounts/{customerId}", false),
            new Endpoint("get", "/api/stream/views/sales", false),
            new Endpoint("get", "/api/stream/views/finance", false),
            new Endpoint("get", "/api/accounts/{customerId}/as-of", false),
            new Endpoint("get", "/api/events", false),
            new Endpoint("post", "/api/analysis/policy-simulation", true),
            new Endpoint("get", "/api/admin/projections", false),
            new Endpoint("post", "/api/admin/projections/{name}/replay", false));

    /** The query parameters the contract names, which the document must name too. */
    static final Map<String, List<String>> QUERY_PARAMETERS = Map.of(
            "/api/accounts", List.of("accountManager", "onHold", "page", "size"),
            "/api/accounts/{customerId}/timeline", List.of("from", "to", "types", "page", "size"),
            "/api/views/sales", List.of("accountManager"),
            "/api/kpis", List.of("from", "to"),
            "/api/kpis/collections", List.of("asOf"),
            "/api/stream/views/sales", List.of("accountManager"),
            "/api/accounts/{customerId}/as-of", List.of("at"),
            "/api/events", List.of("customerId", "from", "to"));

    record Endpoint(String method, String path, boolean body) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private final CreditDeskStandalone app = RunningCreditDesk.shared();

    @Test
    void theCommandSideDocumentListsEveryEndpointOfTheContract() {
        JsonNode document = document(app.commandPort());
        assertThat(document.path("info").path("title").asText()).contains("command side");
        assertEndpoints(document, COMMAND_SIDE);
        assertThat(document.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");
        // every write may be refused by a rule or a conflicting repeat
        for (Endpoint endpoint : COMMAND_SIDE) {
            if (!endpoint.method().equals("get")) {
                assertThat(operation(document, endpoint).path("responses").has("409")).as("%s answers 409", endpoint)
                        .isTrue();
            }
        }
    }

    @Test
    void theQuerySideDocumentListsEveryEndpointOfTheContract() {
        JsonNode document = document(app.queryPort());
        assertThat(document.path("info").path("title").asText()).contains("query side");
        assertEndpoints(document, QUERY_SIDE);
        QUERY_PARAMETERS.forEach((path, names) -> {
            List<String> documented = new ArrayList<>();
            operation(document, new Endpoint("get", path, false)).path("parameters")
                    .forEach(parameter -> documented.add(parameter.path("name").asText()));
            assertThat(documented).as("parameters of GET %s", path).containsAll(names);
        });
        assertThat(operation(document, new Endpoint("get", "/api/events", false)).at("/responses/200/content")
                .has("application/x-ndjson")).isTrue();
        assertThat(operation(document, new Endpoint("get", "/api/stream/views/finance", false))
                .at("/responses/200/content").has("text/event-stream")).isTrue();
    }

    @Test
    void swaggerUiAnswersOnBothSidesWithoutSigningIn() throws Exception {
        for (int port : new int[]{app.commandPort(), app.queryPort()}) {
            HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> page = follow.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/swagger-ui.html")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as("Swagger UI on :%d", port).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui");
            HttpResponse<String> config = follow.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs/swagger-config")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(config.statusCode()).isEqualTo(200);
            assertThat(config.body()).contains("/v3/api-docs");
        }
    }

    /** The committed documents are the ones the code serves; {@code -Dopenapi.write=true} writes them again. */
    @Test
    void theCommittedDocumentsAreCurrent() throws IOException {
        Path folder = repositoryRoot().resolve("docs/openapi");
        Map<String, JsonNode> served = Map.of("command-side.json", document(app.commandPort()),
                "query-side.json", document(app.queryPort()));
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(folder);
            for (var side : served.entrySet()) {
                Files.writeString(folder.resolve(side.getKey()), Api.JSON.writer()
                        .with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(side.getValue()) + "\n");
            }
        }
        assertAll(served.entrySet().stream().map(side -> () -> {
            Path file = folder.resolve(side.getKey());
            if (!Files.exists(file)) {
                fail(file + " is missing: run this test with -Dopenapi.write=true and commit it");
            }
            assertThat(Api.JSON.readTree(file.toFile())).as("%s is out of date with the code: run this test with "
                    + "-Dopenapi.write=true and commit it", file).isEqualTo(side.getValue());
        }));
    }

    private static void assertEndpoints(JsonNode document, List<Endpoint> endpoints) {
        assertAll(endpoints.stream().map(endpoint -> () -> {
            JsonNode operation = operation(document, endpoint);
            assertThat(operation.isMissingNode()).as("%s is in the document", endpoint).isFalse();
            JsonNode responses = operation.path("responses");
            assertThat(responses.properties().stream().map(Map.Entry::getKey).anyMatch(code -> code.startsWith("2")))
                    .as("%s documents its 2xx answer", endpoint).isTrue();
            for (String code : List.of("401", "403")) {
                assertThat(responses.path(code).path("content").has("application/problem+json"))
                        .as("%s documents its %s as problem+json", endpoint, code).isTrue();
            }
            if (endpoint.path().contains("{")) {
                assertThat(responses.has("404")).as("%s documents 404", endpoint).isTrue();
            }
            if (endpoint.body()) {
                JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
                assertThat(schema.isMissingNode()).as("%s has a JSON request body", endpoint).isFalse();
                JsonNode resolved = resolve(document, schema);
                assertThat(resolved.path("properties").isEmpty()).as("%s's body schema names its fields", endpoint)
                        .isFalse();
                assertThat(operation.path("requestBody").path("required").asBoolean()).as("%s body required", endpoint)
                        .isTrue();
                assertThat(responses.has("400")).as("%s documents 400", endpoint).isTrue();
                assertThat(responses.has("413")).as("%s documents 413", endpoint).isTrue();
            }
        }));
        assertThat(document.at("/components/schemas/Problem/properties").has("errors")).isTrue();
    }

    private static JsonNode operation(JsonNode document, Endpoint endpoint) {
        return document.path("paths").path(endpoint.path()).path(endpoint.method());
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        return ref == null ? schema : document.at(ref.substring(1));
    }

    /** The document, read without signing in: the documentation is open to everyone. */
    private static JsonNode document(int port) {
        Answer answer = new Api(port).get(null, "/v3/api-docs");
        assertThat(answer.status()).as("/v3/api-docs on :%d: %s", port, answer).isEqualTo(200);
        JsonNode document = answer.json();
        assertThat(document.path("openapi").asText()).startsWith("3.");
        return document;
    }

    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("standalone"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root above " + here);
    }
}
