package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input gets the contract's problem+json answer, never a 500, and nothing is recorded:
 * every case is sent to the order and payment endpoints of one account whose event count must not move.
 */
class BadInputEndToEndTest {
    private static final String ORDER = "{\"orderId\":\"O-bad-1\",\"amount\":100,\"currency\":\"EUR\"}";
    private static final String PAYMENT =
            "{\"paymentId\":\"P-bad-1\",\"amount\":100,\"currency\":\"EUR\",\"receivedOn\":\"2026-03-01\"}";
    private static final String HUGE_TEXT = "x".repeat(70 * 1024);

    private static CreditDeskStandalone app;
    private static Api commands;
    private static String customerId;

    @BeforeAll
    static void openAccount() {
        app = RunningCreditDesk.shared();
        commands = new Api(app.commandPort());
        customerId = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + customerId + "/credit-limit",
                Map.of("amount", 1000, "source", "ANALYST", "reason", "start"));
        // issued today: no dunning step falls due, so nothing but a refused command could record an event here
        String today = commands.get("admin", "/api/admin/clock").json().get("now").asText().substring(0, 10);
        commands.post("erp", "/api/accounts/" + customerId + "/invoices", Map.of("invoiceId", "I-bad-" + customerId,
                "amount", 500, "currency", "EUR", "issueDate", today));
    }

    static Stream<Arguments> badOrders() {
        return Stream.of(
                arguments("malformed JSON", "{\"orderId\":\"O-1\",\"amount\":", "application/json", 400),
                arguments("not an object", "[1,2,3]", "application/json", 400),
                arguments("empty body", "", "application/json", 400),
                arguments("missing fields", "{}", "application/json", 400),
                arguments("missing amount", "{\"orderId\":\"O-1\",\"currency\":\"EUR\"}", "application/json", 400),
                arguments("negative amount", ORDER.replace("100", "-100"), "application/json", 400),
                arguments("zero amount", ORDER.replace("100", "0"), "application/json", 400),
                arguments("three decimals", ORDER.replace("100", "100.001"), "application/json", 400),
                arguments("absurdly large amount", ORDER.replace("100", "1e30"), "application/json", 400),
                arguments("amount as a string", ORDER.replace("100", "\"100\""), "application/json", 400),
                arguments("NaN", ORDER.replace("100", "NaN"), "application/json", 400),
                arguments("amount as a boolean", ORDER.replace("100", "true"), "application/json", 400),
                arguments("id with a space", ORDER.replace("O-bad-1", "O bad"), "application/json", 400),
                arguments("id too long", ORDER.replace("O-bad-1", "O".repeat(65)), "application/json", 400),
                arguments("unknown currency code", ORDER.replace("EUR", "EURO"), "application/json", 400),
                arguments("another currency", ORDER.replace("EUR", "USD"), "application/json", 400),
                arguments("unknown field", ORDER.replace("}", ",\"discount\":5}"), "application/json", 400),
                arguments("body over 64 KiB", ORDER.replace("}", ",\"description\":\"" + HUGE_TEXT + "\"}"),
                        "application/json", 413),
                arguments("wrong content type", ORDER, "text/plain", 415));
    }

    static Stream<Arguments> badPayments() {
        return Stream.of(
                arguments("malformed JSON", "{\"paymentId\":", "application/json", 400),
                arguments("missing receivedOn", PAYMENT.replace(",\"receivedOn\":\"2026-03-01\"", ""),
                        "application/json", 400),
                arguments("bad date", PAYMENT.replace("2026-03-01", "2026-13-01"), "application/json", 400),
                arguments("negative amount", PAYMENT.replace("100", "-1"), "application/json", 400),
                arguments("three decimals", PAYMENT.replace("100", "0.005"), "application/json", 400),
                arguments("amount as a string", PAYMENT.replace("100", "\"100\""), "application/json", 400),
                arguments("NaN", PAYMENT.replace("100", "NaN"), "application/json", 400),
                arguments("bad invoice id", PAYMENT.replace("}", ",\"invoiceId\":\"I/1\"}"), "application/json", 400),
                arguments("another currency", PAYMENT.replace("EUR", "GBP"), "application/json", 400),
                arguments("unknown invoice", PAYMENT.replace("}", ",\"invoiceId\":\"I-nope\"}"), "application/json",
                        404),
                arguments("body over 64 KiB", PAYMENT.replace("}", ",\"note\":\"" + HUGE_TEXT + "\"}"),
                        "application/json", 413));
    }

    @ParameterizedTest(name = "order: {0} -> {3}")
    @MethodSource("badOrders")
    void aBadOrderIsRefusedWithAProblemAndRecordsNothing(String name, String body, String type, int status) {
        refusedAndNothingRecorded("/api/accounts/" + customerId + "/orders", body, type, status);
    }

    @ParameterizedTest(name = "payment: {0} -> {3}")
    @MethodSource("badPayments")
    void aBadPaymentIsRefusedWithAProblemAndRecordsNothing(String name, String body, String type, int status) {
        refusedAndNothingRecorded("/api/accounts/" + customerId + "/payments", body, type, status);
    }

    /** The invoice follow-up endpoints of sales and credit, each with the user allowed to call it. */
    static Stream<Arguments> badFollowUps() {
        String dispute = "{\"reason\":\"damaged\"}";
        String promise = "{\"promisedOn\":\"2099-01-01\",\"amount\":100}";
        String resolution = "{\"outcome\":\"CREDITED\",\"creditNoteAmount\":100,\"note\":\"ok\"}";
        String approval = "{\"agency\":\"Incasso Noord\",\"note\":\"late\"}";
        return Stream.of(
                arguments("dispute: malformed JSON", "disputes", "sales1", "{\"reason\":", 400),
                arguments("dispute: missing reason", "disputes", "sales1", "{}", 400),
                arguments("dispute: blank reason", "disputes", "sales1", dispute.replace("damaged", " "), 400),
                arguments("dispute: unknown field", "disputes", "sales1", dispute.replace("}", ",\"x\":1}"), 400),
                arguments("dispute: body over 64 KiB", "disputes", "sales1", dispute.replace("damaged", HUGE_TEXT), 413),
                arguments("resolution: unknown outcome", "disputes/resolution", "credit1",
                        resolution.replace("CREDITED", "HALVED"), 400),
                arguments("resolution: negative credit note", "disputes/resolution", "credit1",
                        resolution.replace("100", "-100"), 400),
                arguments("resolution: three decimals", "disputes/resolution", "credit1",
                        resolution.replace("100", "1.005"), 400),
                arguments("resolution: no open dispute", "disputes/resolution", "credit1", resolution, 409),
                arguments("promise: missing date", "payment-promises", "sales1",
                        promise.replace("\"promisedOn\":\"2099-01-01\",", ""), 400),
                arguments("promise: bad date", "payment-promises", "sales1", promise.replace("2099-01-01", "2099-02-30"),
                        400),
                arguments("promise: zero amount", "payment-promises", "sales1", promise.replace("100", "0"), 400),
                arguments("promise: in the past", "payment-promises", "sales1", promise.replace("2099", "2001"), 400),
                arguments("promise: above the balance", "payment-promises", "sales1", promise.replace("100", "900"),
                        409),
                arguments("approval: missing agency", "collection-handover/approvals", "credit1", "{}", 400),
                arguments("approval: note over 2000 characters", "collection-handover/approvals", "credit1",
                        approval.replace("late", "x".repeat(2001)), 400));
    }

    @ParameterizedTest(name = "follow-up: {0} -> {4}")
    @MethodSource("badFollowUps")
    void aBadFollowUpIsRefusedWithAProblemAndRecordsNothing(String name, String action, String user, String body,
                                                           int status) {
        refusedAndNothingRecorded(user, "/api/accounts/" + customerId + "/invoices/I-bad-" + customerId + "/" + action,
                body, "application/json", status);
    }

    @ParameterizedTest(name = "unknown account: {0}")
    @MethodSource("unknownAccountCommands")
    void aCommandForAnUnknownAccountIs404(String path, String body) {
        Answer answer = commands.send("erp", "POST", path, body, "application/json");
        assertProblem(answer, 404);
        assertThat(RunningCreditDesk.eventCount(app, "C-nobody")).isZero();
    }

    static Stream<Arguments> unknownAccountCommands() {
        return Stream.of(arguments("/api/accounts/C-nobody/orders", ORDER),
                arguments("/api/accounts/C-nobody/payments", PAYMENT));
    }

    @ParameterizedTest(name = "account: {0}")
    @MethodSource("badAccounts")
    void aBadAccountIsRefused(String name, String body) {
        Answer answer = commands.send("erp", "POST", "/api/accounts", body, "application/json");
        assertProblem(answer, 400);
    }

    static Stream<Arguments> badAccounts() {
        String good = "{\"customerId\":\"C-x\",\"name\":\"X\",\"segment\":\"SMB\",\"currency\":\"EUR\","
                + "\"accountManager\":\"sales1\",\"language\":\"nl\"}";
        return Stream.of(arguments("unknown segment", good.replace("SMB", "HUGE")),
                arguments("unknown language", good.replace("\"nl\"", "\"de\"")),
                arguments("blank name", good.replace("\"X\"", "\"  \"")),
                arguments("segment as a number", good.replace("\"SMB\"", "1")),
                arguments("not an e-mail address", good.replace("}", ",\"email\":\"boekhouding at peeters\"}")),
                arguments("e-mail as a number", good.replace("}", ",\"email\":42}")));
    }

    private void refusedAndNothingRecorded(String path, String body, String type, int status) {
        refusedAndNothingRecorded("erp", path, body, type, status);
    }

    private void refusedAndNothingRecorded(String user, String path, String body, String type, int status) {
        long before = RunningCreditDesk.eventCount(app, customerId);
        Answer answer = commands.send(user, "POST", path, body, type);
        assertProblem(answer, status);
        assertThat(RunningCreditDesk.eventCount(app, customerId)).as("events recorded").isEqualTo(before);
    }

    static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.isProblem()).as("problem+json: " + answer.contentType()).isTrue();
        JsonNode problem = answer.json();
        assertThat(problem.get("type").asText()).startsWith("https://");
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (status == 400) {
            assertThat(problem.get("errors")).as("errors of " + answer).isNotEmpty();
            problem.get("errors").forEach(error -> {
                assertThat(error.get("field").asText()).isNotBlank();
                assertThat(error.get("message").asText()).isNotBlank();
            });
        }
    }
}
