package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Predicate;

import static com.creditdesk.standalone.BadInputEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Disputes, payment promises and the collection hand-over, over HTTP, as sales and credit use them. */
class InvoiceFollowUpEndToEndTest {
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();
    private static LocalDate today;

    @BeforeAll
    static void start() {
        today = OffsetDateTime.parse(commands.get("admin", "/api/admin/clock").json().get("now").asText())
                .toLocalDate();
    }

    /** An SMB account with a limit of 10 000 and one invoice of 1 000, 40 days past due. */
    private static String accountWithOverdueInvoice(String invoiceId) {
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        Answer invoice = commands.post("erp", "/api/accounts/" + c + "/invoices", Map.of("invoiceId", invoiceId,
                "amount", 1000, "currency", "EUR", "issueDate", today.minusDays(70).toString(),
                "dueDate", today.minusDays(40).toString()));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        return c;
    }

    private static JsonNode order(String c, String orderId) {
        Answer placed = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", orderId, "amount", 100, "currency", "EUR"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        return placed.json();
    }

    private static JsonNode awaitInvoice(String invoiceId, Predicate<JsonNode> until) {
        return queries.awaitView("credit1", "/api/invoices/" + invoiceId, until);
    }

    private static JsonNode financeItem(String list, String invoiceId) {
        for (JsonNode item : queries.get("credit1", "/api/views/finance").json().get(list)) {
            if (item.get("invoiceId").asText().equals(invoiceId)) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aDisputePausesTheOverdueRuleAndACreditNoteLowersTheBalance() {
        String invoiceId = "I-D-" + System.nanoTime();
        String c = accountWithOverdueInvoice(invoiceId);
        String disputes = "/api/accounts/" + c + "/invoices/" + invoiceId + "/disputes";
        assertThat(order(c, "O-" + c + "-1").get("reasons").toString()).contains("OVERDUE_INVOICES");

        assertThat(commands.post("sales1", disputes, Map.of("reason", "goods arrived damaged")).status()).isEqualTo(201);
        assertProblem(commands.post("credit1", disputes, Map.of("reason", "again")), 409);
        assertThat(order(c, "O-" + c + "-2").get("status").asText()).as("a disputed invoice is paused")
                .isEqualTo("ACCEPTED");
        JsonNode disputed = awaitInvoice(invoiceId, view -> view.get("disputed").asBoolean());
        assertThat(disputed.get("daysPastDue").asLong()).isEqualTo(40);
        await().atMost(Duration.ofSeconds(15)).until(() -> financeItem("disputes", invoiceId) != null);
        assertThat(financeItem("disputes", invoiceId).get("reason").asText()).isEqualTo("goods arrived damaged");

        String resolution = disputes + "/resolution";
        assertThat(commands.post("sales1", resolution, Map.of("outcome", "REJECTED", "note", "no")).status())
                .as("only credit resolves").isEqualTo(403);
        assertProblem(commands.post("credit1", resolution, Map.of("outcome", "CREDITED", "note", "credit")), 400);
        assertProblem(commands.post("credit1", resolution, Map.of("outcome", "CREDITED", "creditNoteAmount", 1500,
                "note", "too much")), 409);
        assertProblem(commands.post("credit1", resolution, Map.of("outcome", "MAYBE", "note", "x")), 400);
        Answer credited = commands.post("credit1", resolution, Map.of("outcome", "CREDITED",
                "creditNoteAmount", 400, "note", "two pallets damaged"));
        assertThat(credited.status()).as(credited.toString()).isEqualTo(200);
        assertThat(credited.json().get("balance").decimalValue()).isEqualByComparingTo("600");

        JsonNode resolved = awaitInvoice(invoiceId, view -> !view.get("disputed").asBoolean());
        assertThat(resolved.get("balance").decimalValue()).isEqualByComparingTo("600");
        assertThat(resolved.get("amount").decimalValue()).isEqualByComparingTo("1000");
        await().atMost(Duration.ofSeconds(15)).until(() -> financeItem("disputes", invoiceId) == null);
        assertThat(order(c, "O-" + c + "-3").get("reasons").toString())
                .as("dunning and the overdue rule resume").contains("OVERDUE_INVOICES");
        assertProblem(commands.post("credit1", resolution, Map.of("outcome", "REJECTED", "note", "twice")), 409);
        String timeline = queries.get("credit1", "/api/accounts/" + c + "/timeline").body();
        assertThat(timeline).contains("disputed: goods arrived damaged").contains("credit note of EUR 400.00");
    }

    @Test
    void aPromisePausesUntilTwoDaysAfterItsDateAndIsKeptByPayment() {
        String invoiceId = "I-P-" + System.nanoTime();
        String c = accountWithOverdueInvoice(invoiceId);
        String promises = "/api/accounts/" + c + "/invoices/" + invoiceId + "/payment-promises";
        assertProblem(commands.post("sales1", promises, Map.of("promisedOn", today.minusDays(1).toString(),
                "amount", 500)), 400);
        assertProblem(commands.post("sales1", promises, Map.of("promisedOn", today.plusDays(5).toString(),
                "amount", 1500)), 409);
        Answer promised = commands.post("sales1", promises, Map.of("promisedOn", today.plusDays(5).toString(),
                "amount", 500));
        assertThat(promised.status()).as(promised.toString()).isEqualTo(201);
        assertThat(promised.json().get("pausedUntil").asText()).isEqualTo(today.plusDays(7).toString());
        assertProblem(commands.post("credit1", promises, Map.of("promisedOn", today.plusDays(9).toString(),
                "amount", 100)), 409);
        assertThat(order(c, "O-" + c + "-1").get("status").asText()).as("a valid promise pauses").isEqualTo("ACCEPTED");

        JsonNode open = awaitInvoice(invoiceId, view -> view.get("promise") != null && !view.get("promise").isNull());
        assertThat(open.get("promise").get("status").asText()).isEqualTo("OPEN");
        await().atMost(Duration.ofSeconds(15)).until(() -> financeItem("promises", invoiceId) != null);

        Answer paid = commands.post("erp", "/api/accounts/" + c + "/payments", Map.of("paymentId", "P-" + c,
                "amount", 500, "currency", "EUR", "receivedOn", today.toString(), "invoiceId", invoiceId));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        JsonNode kept = awaitInvoice(invoiceId, view -> view.get("promise").get("status").asText().equals("KEPT"));
        assertThat(kept.get("balance").decimalValue()).isEqualByComparingTo("500");
        assertThat(financeItem("promises", invoiceId)).as("a kept promise needs no follow-up").isNull();
    }

    @Test
    void aHandOverNeedsCreditAndSalesTwoPeopleThenPutsTheAccountOnHold() {
        String invoiceId = "I-H-" + System.nanoTime();
        String c = accountWithOverdueInvoice(invoiceId);
        String approvals = "/api/accounts/" + c + "/invoices/" + invoiceId + "/collection-handover/approvals";
        Map<String, String> body = Map.of("agency", "Incasso Noord", "note", "45 days, no reaction");

        assertThat(commands.post("erp", approvals, body).status()).isEqualTo(403);
        assertProblem(commands.post("credit1", "/api/accounts/" + c + "/invoices/NOPE/collection-handover/approvals",
                body), 404);
        Answer first = commands.post("credit1", approvals, body);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertProblem(commands.post("credit1", approvals, body), 403);
        assertProblem(commands.post("credit2", approvals, body), 403);
        await().atMost(Duration.ofSeconds(15)).until(() -> financeItem("handovers", invoiceId) != null);
        assertThat(financeItem("handovers", invoiceId).get("status").asText()).isEqualTo("AWAITING_SECOND_APPROVAL");

        Answer second = commands.post("sales1", approvals, body);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("status").asText()).isEqualTo("HANDED_OVER");
        assertThat(order(c, "O-" + c + "-1").get("reasons").toString()).contains("ACCOUNT_ON_HOLD");
        assertProblem(commands.post("sales1", "/api/accounts/" + c + "/invoices/" + invoiceId + "/disputes",
                Map.of("reason", "too late")), 409);

        JsonNode handedOver = awaitInvoice(invoiceId, view -> view.get("handedOver").asBoolean());
        assertThat(handedOver.get("balance").decimalValue()).isEqualByComparingTo("1000");
        await().atMost(Duration.ofSeconds(15)).until(() -> queries.get("credit1", "/api/accounts/" + c).json()
                .get("onHold").asBoolean());
        assertThat(financeItem("handovers", invoiceId).get("approvedBy").toString()).contains("credit1", "sales1");
    }
}
