package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The foundation's story over HTTP, against both running sides on the embedded store. */
class CreditAccountEndToEndTest {
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();

    static String openAccount(Api commands, String segment) {
        String customerId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Answer opened = commands.post("erp", "/api/accounts", Map.of("customerId", customerId,
                "name", "Bakkerij " + customerId, "segment", segment, "currency", "EUR",
                "accountManager", "sales1", "language", "nl"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("customerId").asText()).isEqualTo(customerId);
        return customerId;
    }

    private JsonNode awaitAccount(String customerId, String field, String expected) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Answer answer = queries.get("sales1", "/api/accounts/" + customerId);
            return answer.status() == 200 ? answer.json() : null;
        }, view -> view != null && view.get(field).decimalValue().compareTo(new java.math.BigDecimal(expected)) == 0);
    }

    @Test
    void ordersAreAcceptedUpToTheLimitThenBlockedAndPaymentsRestoreCredit() {
        String c = openAccount(commands, "SMB");

        Answer limit = commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "annual review"));
        assertThat(limit.status()).as(limit.toString()).isEqualTo(200);
        assertThat(limit.json().get("effectiveLimit").decimalValue()).isEqualByComparingTo("10000");
        assertThat(limit.json().get("availableCredit").decimalValue()).isEqualByComparingTo("10000");

        Answer first = placeOrder(c, "O-" + c + "-1", "6000.50");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(first.json().get("reasons")).isEmpty();

        Answer second = placeOrder(c, "O-" + c + "-2", "3999.50");
        assertThat(second.json().get("status").asText()).isEqualTo("ACCEPTED");

        Answer third = placeOrder(c, "O-" + c + "-3", "0.01");
        assertThat(third.status()).isEqualTo(201);
        JsonNode blocked = third.json();
        assertThat(blocked.get("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.get("reasons").toString()).isEqualTo("[\"LIMIT_EXCEEDED\"]");
        JsonNode decision = blocked.get("decision");
        assertThat(decision.get("effectiveLimit").decimalValue()).isEqualByComparingTo("10000");
        assertThat(decision.get("activeSecurities").decimalValue()).isEqualByComparingTo("0");
        assertThat(decision.get("exposureBefore").decimalValue()).isEqualByComparingTo("10000");
        assertThat(decision.get("orderAmount").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(decision.get("overdueBalance").decimalValue()).isEqualByComparingTo("0");
        assertThat(decision.get("oldestDaysPastDue").asInt()).isZero();
        assertThat(decision.get("openReview").asBoolean()).isFalse();
        assertThat(decision.get("policyVersion").asText()).isEqualTo("v1");

        JsonNode full = awaitAccount(c, "exposure", "10000");
        assertThat(full.get("availableCredit").decimalValue()).isEqualByComparingTo("0");
        assertThat(full.get("status").asText()).isEqualTo("OK");

        // issued today, so no dunning step falls due while the test runs
        LocalDate today = OffsetDateTime.parse(commands.get("admin", "/api/admin/clock").json().get("now").asText())
                .toLocalDate();
        Answer invoice = commands.post("erp", "/api/accounts/" + c + "/invoices", Map.of("invoiceId", "I-" + c + "-1",
                "orderId", "O-" + c + "-1", "amount", 6000.50, "currency", "EUR", "issueDate", today.toString()));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        assertThat(invoice.json().get("dueDate").asText()).isEqualTo(today.plusDays(30).toString()); // SMB: 30 days

        Answer payment = commands.post("erp", "/api/accounts/" + c + "/payments", Map.of("paymentId", "P-" + c + "-1",
                "amount", 6500, "currency", "EUR", "receivedOn", today.toString()));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);
        assertThat(payment.json().get("allocations").get(0).get("invoiceId").asText()).isEqualTo("I-" + c + "-1");
        assertThat(payment.json().get("allocations").get(0).get("amount").decimalValue()).isEqualByComparingTo("6000.50");
        assertThat(payment.json().get("unapplied").decimalValue()).isEqualByComparingTo("499.50");

        JsonNode after = awaitAccount(c, "exposure", "3999.50");
        assertThat(after.get("availableCredit").decimalValue()).isEqualByComparingTo("6000.50");
        assertThat(after.get("unappliedCredit").decimalValue()).isEqualByComparingTo("499.50");

        Answer fits = placeOrder(c, "O-" + c + "-4", "6000.50");
        assertThat(fits.json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(fits.json().get("decision").get("exposureBefore").decimalValue()).isEqualByComparingTo("3999.50");

        // the timeline tells the same story, oldest first, with who did what
        JsonNode timeline = await().atMost(Duration.ofSeconds(15)).until(
                () -> queries.get("credit1", "/api/accounts/" + c + "/timeline").json(),
                page -> page.get("entries").size() == 12);
        List<String> types = new ArrayList<>();
        timeline.get("entries").forEach(entry -> types.add(entry.get("type").asText()));
        // a new customer's invoice plans a courtesy call; the payment made room: the blocked order of 0.01 is
        // flagged for a second look, and stays blocked
        assertThat(types).containsExactly("AccountOpened", "CreditLimitSet", "OrderAccepted", "OrderAccepted",
                "OrderBlocked", "LimitExceeded", "InvoiceIssued", "DunningScheduled", "CourtesyCallScheduled",
                "PaymentRegistered",
                "BlockedOrderNowFits", "OrderAccepted");
        JsonNode blockedEntry = timeline.get("entries").get(4);
        assertThat(blockedEntry.get("actor").asText()).isEqualTo("erp");
        assertThat(blockedEntry.get("summary").asText()).contains("O-" + c + "-3").contains("LIMIT_EXCEEDED");
        assertThat(blockedEntry.get("details").get("decision").get("exposureBefore").decimalValue())
                .isEqualByComparingTo("10000");
        assertThat(timeline.get("entries").get(1).get("actor").asText()).isEqualTo("credit1");

        JsonNode onlyBlocked = queries.get("analyst1", "/api/accounts/" + c + "/timeline?types=OrderBlocked,LimitExceeded")
                .json();
        assertThat(onlyBlocked.get("total").asInt()).isEqualTo(2);
        JsonNode paged = queries.get("analyst1", "/api/accounts/" + c + "/timeline?page=1&size=4").json();
        assertThat(paged.get("entries").get(0).get("type").asText()).isEqualTo("OrderBlocked");
    }

    @Test
    void theLowerOfAnalystAndInsurerLimitIsEffectiveAndShownWithBoth() {
        String c = openAccount(commands, "ENTERPRISE");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 50000, "source", "ANALYST", "reason", "review"));
        Answer insurer = commands.put("erp", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 30000, "source", "INSURER", "reason", "insurer feed"));
        assertThat(insurer.json().get("effectiveLimit").decimalValue()).isEqualByComparingTo("30000");

        JsonNode view = awaitAccount(c, "effectiveLimit", "30000");
        assertThat(view.get("analystLimit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(view.get("insurerLimit").decimalValue()).isEqualByComparingTo("30000");
        assertThat(view.get("paymentTermDays").asInt()).isEqualTo(45);

        Answer wrongSource = commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 1, "source", "INSURER", "reason", "not mine to set"));
        assertThat(wrongSource.status()).isEqualTo(403);
        assertThat(wrongSource.isProblem()).isTrue();
    }

    @Test
    void repeatedCommandsAreRecordedOnceAndOtherContentUnderTheSameIdConflicts() {
        String c = openAccount(commands, "PUBLIC");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 1000, "source", "ANALYST", "reason", "start"));
        Answer first = placeOrder(c, "O-" + c, "400");
        long events = RunningCreditDesk.eventCount(RunningCreditDesk.shared(), c);

        Answer again = placeOrder(c, "O-" + c, "400.00");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(RunningCreditDesk.eventCount(RunningCreditDesk.shared(), c)).isEqualTo(events);

        Answer conflict = placeOrder(c, "O-" + c, "401");
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.isProblem()).isTrue();

        String other = openAccount(commands, "PUBLIC");
        Answer elsewhere = commands.post("erp", "/api/accounts/" + other + "/orders",
                Map.of("orderId", "O-" + c, "amount", 400, "currency", "EUR"));
        assertThat(elsewhere.status()).as("order ids are unique across the system").isEqualTo(409);
        assertThat(RunningCreditDesk.eventCount(RunningCreditDesk.shared(), c)).isEqualTo(events);
    }

    @Test
    void theAccountListFiltersByAccountManagerAndPages() {
        String c = openAccount(commands, "SMB");
        JsonNode page = await().atMost(Duration.ofSeconds(15)).until(
                () -> queries.get("analyst1", "/api/accounts?accountManager=sales1&size=500").json(),
                p -> p.get("accounts").toString().contains(c));
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(1);
        page.get("accounts").forEach(account -> assertThat(account.get("accountManager").asText()).isEqualTo("sales1"));
        assertThat(queries.get("analyst1", "/api/accounts?accountManager=nobody").json().get("total").asInt()).isZero();
        assertThat(queries.get("analyst1", "/api/accounts/C-unknown").status()).isEqualTo(404);
        assertThat(queries.get(null, "/api/accounts/" + c).status()).isEqualTo(401);
    }

    private Answer placeOrder(String customerId, String orderId, String amount) {
        return commands.send("erp", "POST", "/api/accounts/" + customerId + "/orders",
                "{\"orderId\":\"" + orderId + "\",\"amount\":" + amount + ",\"currency\":\"EUR\"}", "application/json");
    }
}
