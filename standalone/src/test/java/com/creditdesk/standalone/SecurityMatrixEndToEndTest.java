package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint of the contract against every role: a user whose role may not call it gets 403,
 * one without credentials 401, and one whose role may call it gets past security (whatever the
 * harmless request then earns: 400 for an empty body, 404 for an unknown id). Requests are chosen
 * so that an allowed one changes nothing.
 */
class SecurityMatrixEndToEndTest {
    private static final Map<String, String> USERS = Map.of("erp", "INTEGRATION", "sales1", "SALES",
            "credit1", "CREDIT", "analyst1", "ANALYST", "admin", "ADMIN");
    private static final Set<String> ANY = Set.of("INTEGRATION", "SALES", "CREDIT", "ANALYST", "ADMIN");
    private static final String A = "/api/accounts/C-nobody";
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();

    record Endpoint(String side, String method, String path, Set<String> roles) {
        @Override
        public String toString() {
            return side + " " + method + " " + path;
        }
    }

    private static Endpoint command(String method, String path, String... roles) {
        return new Endpoint("command", method, path, Set.of(roles));
    }

    private static Endpoint query(String method, String path, String... roles) {
        return new Endpoint("query", method, path, roles.length == 0 ? ANY : Set.of(roles));
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            command("POST", "/api/accounts", "INTEGRATION"),
            command("POST", "/api/applications", "SALES"),
            command("POST", "/api/applications/A-x/screening", "CREDIT"),
            command("POST", "/api/applications/A-x/decision", "CREDIT"),
            command("POST", "/api/bank-statements", "INTEGRATION", "CREDIT"),
            command("POST", "/api/bank-statements/S-x/lines/E-x/assignment", "CREDIT"),
            command("PUT", A + "/credit-limit", "CREDIT", "INTEGRATION"),
            command("POST", A + "/securities", "CREDIT"),
            command("POST", A + "/orders", "INTEGRATION"),
            command("POST", A + "/orders/O-x/cancel", "INTEGRATION"),
            command("POST", A + "/orders/O-x/release-requests", "SALES"),
            command("POST", A + "/orders/O-x/release-decision", "CREDIT"),
            command("POST", A + "/invoices", "INTEGRATION"),
            command("POST", A + "/payments", "INTEGRATION"),
            command("POST", A + "/sales-signals", "SALES"),
            command("POST", A + "/reviews/current/conclusion", "CREDIT"),
            command("PUT", A + "/risk-class", "CREDIT"),
            command("POST", A + "/payment-terms", "SALES"),
            command("POST", A + "/payment-terms/approval", "CREDIT"),
            command("POST", A + "/hold", "CREDIT"),
            command("DELETE", A + "/hold", "CREDIT"),
            command("POST", A + "/invoices/I-x/disputes", "SALES", "CREDIT"),
            command("POST", A + "/invoices/I-x/disputes/resolution", "CREDIT"),
            command("POST", A + "/invoices/I-x/payment-promises", "SALES", "CREDIT"),
            command("POST", A + "/invoices/I-x/collection-handover/approvals", "SALES", "CREDIT"),
            command("POST", A + "/invoices/I-x/courtesy-call", "SALES"),
            command("PUT", "/api/groups/G-x", "CREDIT"),
            command("PUT", "/api/groups/G-x/members/C-x", "CREDIT"),
            command("GET", "/api/admin/clock", "ADMIN"),
            command("POST", "/api/admin/clock", "ADMIN"),
            command("GET", "/actuator/prometheus", "ADMIN"),
            query("GET", A),
            query("GET", "/api/accounts?accountManager=sales1"),
            query("GET", A + "/timeline"),
            query("GET", "/api/orders/O-nobody"),
            query("GET", "/api/applications/A-nobody"),
            query("GET", "/api/invoices/I-nobody"),
            query("GET", "/api/groups/G-nobody", "CREDIT", "SALES", "ANALYST", "ADMIN"),
            query("GET", A + "/letters/I-x-FORMAL_NOTICE.pdf", "CREDIT", "SALES", "ANALYST"),
            query("GET", "/api/views/sales?accountManager=sales1", "SALES", "ANALYST", "ADMIN"),
            query("GET", "/api/views/finance", "CREDIT", "ANALYST", "ADMIN"),
            query("GET", "/api/kpis", "CREDIT", "ANALYST"),
            query("GET", "/api/kpis/collections", "CREDIT", "ANALYST"),
            query("GET", "/api/stream/accounts/C-nobody"),
            query("GET", "/api/stream/views/sales?accountManager=sales1", "SALES", "ANALYST", "ADMIN"),
            query("GET", "/api/stream/views/finance", "CREDIT", "ANALYST", "ADMIN"),
            query("GET", A + "/as-of?at=2026-01-01T00:00:00Z", "ANALYST", "CREDIT"),
            query("GET", "/api/events?customerId=C-nobody", "ANALYST"),
            query("POST", "/api/analysis/policy-simulation", "ANALYST"),
            query("GET", "/api/admin/projections", "ADMIN"),
            query("POST", "/api/admin/projections/no-such-projection/replay", "ADMIN"),
            query("GET", "/api/admin/dead-letters", "ADMIN"),
            query("GET", "/api/admin/dead-letters/no-such-group", "ADMIN"),
            query("POST", "/api/admin/dead-letters/no-such-group/retry", "ADMIN"),
            query("POST", "/api/admin/dead-letters/no-such-group/sequences/C-nobody/retry", "ADMIN"),
            query("GET", "/actuator/prometheus", "ADMIN"));

    static Stream<Arguments> everyEndpointForEveryUser() {
        return ENDPOINTS.stream().flatMap(endpoint -> Stream.concat(
                USERS.keySet().stream().sorted().map(user -> arguments(endpoint, user)),
                Stream.of(arguments(endpoint, null))));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyEndpointForEveryUser")
    void onlyTheContractsRolesGetThrough(Endpoint endpoint, String user) {
        int status = call(endpoint, user);
        if (user == null) {
            assertThat(status).as("without credentials").isEqualTo(401);
        } else if (endpoint.roles().contains(USERS.get(user))) {
            assertThat(status).as(USERS.get(user) + " may").isNotIn(401, 403);
        } else {
            assertThat(status).as(USERS.get(user) + " may not").isEqualTo(403);
        }
    }

    private static int call(Endpoint endpoint, String user) {
        Api side = endpoint.side().equals("command") ? commands : queries;
        if (endpoint.path().startsWith("/api/stream/")) {
            HttpResponse<InputStream> response = side.stream(user, endpoint.path());
            try (InputStream body = response.body()) {
                return response.statusCode(); // the answer's head is enough: a granted stream would run on
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String body = endpoint.method().equals("GET") ? null : "{}";
        return side.send(user, endpoint.method(), endpoint.path(), body, body == null ? null : "application/json")
                .status();
    }
}
