package com.creditdesk.standalone;

import com.creditdesk.api.common.EventFamilies;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Errors that explain: each refusal says which parameter or path is wrong and what was expected, a request that
 * cannot mean anything is refused instead of answered with something else (today's state for a future instant, an
 * empty page for an unknown event type, a role's 403 for a path the side does not have), and the firewall's
 * refusals are problem+json like every other.
 */
class ExplainedErrorsEndToEndTest {
    private static final String INSTANT = "an instant such as 2026-03-01T09:30:00Z";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();
    private static String customerId;

    @BeforeAll
    static void openAccount() {
        customerId = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        await().atMost(Duration.ofSeconds(15)).until(() -> queries.get("sales1", "/api/accounts/" + customerId)
                .status() == 200);
    }

    // ---- 1. a date or instant parameter that does not parse names itself and the expected form ------------------

    @ParameterizedTest(name = "{0} {1}={2}")
    @CsvSource(delimiter = '|', value = {
            "as-of     | at   | yesterday",
            "as-of     | at   | 2026-13-01T00:00:00Z",
            "as-of     | at   | 2026-03-01",
            "as-of     | at   | 1772357400000",
            "as-of     | at   | Sun, 1 Mar 2026 09:30:00 GMT",
            "timeline  | from | yesterday",
            "timeline  | to   | 2026-03-01",
            "export    | from | yesterday",
            "export    | to   | 2026-13-01T00:00:00Z",
            "export    | to   | 1772357400000"})
    void anInstantThatDoesNotParseIsNamedWithTheExpectedForm(String endpoint, String parameter, String value) {
        String path = switch (endpoint) {
            case "as-of" -> "/api/accounts/" + customerId + "/as-of?";
            case "timeline" -> "/api/accounts/" + customerId + "/timeline?";
            default -> "/api/events?customerId=" + customerId + "&";
        };
        Answer answer = queries.get("analyst1", path + parameter + "=" + encoded(value));

        JsonNode problem = problem(answer, 400);
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(parameter);
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(INSTANT);
        assertThat(problem.get("detail").asText()).contains("'" + parameter + "'").contains(INSTANT)
                .doesNotContain("Type mismatch");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/api/accounts?page=one           | page   | a whole number (at most 2147483647)",
            "/api/accounts?size=99999999999   | size   | a whole number (at most 2147483647)",
            "/api/accounts?onHold=maybe       | onHold | true or false"})
    void otherParametersThatDoNotParseAreNamedToo(String path, String parameter, String expected) {
        JsonNode problem = problem(queries.get("sales1", path), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo(parameter);
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(expected);
    }

    @Test
    void aWellFormedInstantIsStillRead() {
        String now = commands.get("admin", "/api/admin/clock").json().get("now").asText();
        assertThat(queries.get("analyst1", "/api/accounts/" + customerId + "/as-of?at=" + now).status())
                .isEqualTo(200);
        assertThat(queries.get("sales1", "/api/accounts/" + customerId + "/timeline?from=2001-01-01T00:00:00Z&to="
                + now).status()).isEqualTo(200);
    }

    // ---- 2. an as-of instant still to come is refused, against the system's clock -----------------------------

    @Test
    void anAsOfInstantInTheFutureIsRefused() {
        Instant now = Instant.parse(commands.get("admin", "/api/admin/clock").json().get("now").asText());
        for (Instant future : List.of(now.plus(Duration.ofDays(1)), now.plus(Duration.ofMinutes(5)),
                Instant.parse("2999-01-01T00:00:00Z"))) {
            JsonNode problem = problem(queries.get("analyst1", "/api/accounts/" + customerId + "/as-of?at=" + future), 400);
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("at");
            assertThat(problem.get("detail").asText()).contains("future");
        }
        // measured by the system's clock (which tests move forward), not the wall clock: its now is no future
        assertThat(queries.get("analyst1", "/api/accounts/" + customerId + "/as-of?at=" + now).status())
                .isEqualTo(200);
    }

    // ---- 3. an unknown event type in the timeline filter is refused with the known ones ------------------------

    @Test
    void anUnknownEventTypeIsNamedWithTheKnownOnes() {
        JsonNode problem = problem(queries.get("sales1", "/api/accounts/" + customerId
                + "/timeline?types=AccountOpened,OrderBlockd,NoSuchEvent"), 400);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("types");
        assertThat(problem.get("errors").get(0).get("message").asText()).contains("NoSuchEvent", "OrderBlockd")
                .contains("AccountOpened", "OrderBlocked");
        assertThat(texts(problem.get("unknownTypes"))).containsExactly("NoSuchEvent", "OrderBlockd");
        assertThat(new TreeSet<>(texts(problem.get("knownTypes")))).isEqualTo(eventTypesOfTheSharedApi());

        Answer known = queries.get("sales1", "/api/accounts/" + customerId + "/timeline?types=AccountOpened");
        assertThat(known.status()).as(known.toString()).isEqualTo(200);
        assertThat(known.json().get("entries")).hasSize(1);
    }

    /** Every event of the shared API: the members of its sealed event families. */
    private static TreeSet<String> eventTypesOfTheSharedApi() {
        TreeSet<String> types = new TreeSet<>();
        EventFamilies.all().forEach(type -> types.add(type.getSimpleName()));
        return types;
    }

    // ---- 4. a path the side does not have is a 404 that says so, not a role's 403 ------------------------------

    @ParameterizedTest(name = "{0} {1} {2} as {3}")
    @CsvSource(delimiter = '|', value = {
            "query   | POST   | /api/accounts                                | erp",
            "query   | POST   | /api/accounts                                | sales1",
            "query   | PUT    | /api/accounts/C-nobody/credit-limit          | credit1",
            "query   | POST   | /api/accounts/C-nobody/orders                | erp",
            "query   | DELETE | /api/accounts/C-nobody/hold                  | credit1",
            "query   | POST   | /api/admin/clock                             | admin",
            "query   | GET    | /api/no-such-thing                           | analyst1",
            "command | GET    | /api/accounts/C-nobody                       | sales1",
            "command | GET    | /api/accounts                                | erp",
            "command | GET    | /api/accounts/C-nobody/timeline              | credit1",
            "command | GET    | /api/views/finance                           | credit1",
            "command | GET    | /api/events                                  | analyst1",
            "command | POST   | /api/analysis/policy-simulation              | analyst1",
            "command | GET    | /api/admin/projections                       | sales1"})
    void aPathThisSideDoesNotHaveIsNotFound(String side, String method, String path, String user) {
        Api api = side.equals("command") ? commands : queries;
        String body = method.equals("GET") ? null : "{}";
        Answer answer = api.send(user, method, path, body, body == null ? null : "application/json");

        JsonNode problem = problem(answer, 404);
        assertThat(problem.get("detail").asText()).contains(method + " " + path).contains("the " + side + " side")
                .contains(side.equals("command") ? "query side" : "command side");
        assertThat(problem.get("side").asText()).isEqualTo(side + "-side");
        // without credentials it is still a 401 first
        assertThat(api.send(null, method, path, body, body == null ? null : "application/json").status())
                .isEqualTo(401);
    }

    @Test
    void aPathThisSideHasIsStillARolesRefusal() {
        JsonNode finance = problem(queries.get("sales1", "/api/views/finance"), 403);
        assertThat(finance.get("detail").asText()).isEqualTo("Your role may not do this");
        problem(commands.post("sales1", "/api/accounts", Map.of()), 403);
        problem(queries.get("sales1", "/api/events"), 403);
    }

    // ---- 5. what the web firewall refuses is problem+json like every other refusal ----------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/accounts/C%2F1", "/api/accounts/C-1;jsessionid=1", "/api/accounts/C%3B1",
            "/api/accounts/C%001", "/api/./accounts", "/api/x/../accounts", "/api/accounts/C%5C1", "/api//accounts"})
    void aPathTheFirewallRefusesGetsAProblem(String path) {
        for (Api api : List.of(queries, commands)) {
            JsonNode problem = problem(api.get("sales1", path), 400);
            assertThat(problem.get("title").asText()).isEqualTo("Invalid request");
            assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("path");
            assertThat(problem.get("detail").asText()).contains("firewall");
        }
        // before anyone signs in, too
        problem(queries.get(null, path), 400);
    }

    // ---- 6. the export is NDJSON for any client that takes JSON or anything ------------------------------------

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "*/*", "", "application/*", "application/x-ndjson",
            "text/html, application/json;q=0.5"})
    void theExportIsNdjsonForAnyClientThatTakesJson(String accept) {
        HttpResponse<String> response = get("/api/events?customerId=" + customerId, accept);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            try {
                lines.add(Api.JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }
        assertThat(lines).isNotEmpty();
        assertThat(lines.get(0).get("type").asText()).isEqualTo("AccountOpened");
        assertThat(lines.get(0).get("customerId").asText()).isEqualTo(customerId);
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"text/html", "text/csv"})
    void theExportIsNotAcceptableForAClientThatTakesNeither(String accept) {
        assertThat(get("/api/events?customerId=" + customerId, accept).statusCode()).isEqualTo(406);
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static JsonNode problem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType() + " " + answer).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).startsWith("https://");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (status == 400) {
            assertThat(problem.get("errors")).as("errors of " + answer).isNotEmpty();
        }
        return problem;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The export as analyst1, with this Accept header (none when blank). */
    private static HttpResponse<String> get(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + RunningCreditDesk.shared().queryPort() + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("analyst1:analyst1".getBytes(StandardCharsets.UTF_8)));
        if (!accept.isBlank()) {
            request.header("Accept", accept);
        }
        try {
            return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
