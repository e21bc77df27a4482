package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.EventStreamReader;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflows in which Sales and Credit decide together, over HTTP. */
class CreditDecisionsEndToEndTest {
    private static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();

    private static String accountWithLimit(String limit) {
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        assertThat(commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", new java.math.BigDecimal(limit), "source", "ANALYST", "reason", "start")).status())
                .isEqualTo(200);
        return c;
    }

    private static JsonNode awaitQuery(String user, String path, Predicate<JsonNode> until) {
        return queries.awaitView(user, path, until);
    }

    @Test
    void blockedOrderRequestedBySalesIsReleasedByAnotherPersonAndCountsInExposure() {
        String c = accountWithLimit("1000");
        String o = "O-" + c;
        Answer placed = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", o, "amount", 1500, "currency", "EUR"));
        assertThat(placed.json().get("status").asText()).isEqualTo("BLOCKED");

        Answer request = commands.post("lead1", "/api/accounts/" + c + "/orders/" + o + "/release-requests",
                Map.of("justification", "loyal customer for 12 years", "proposedMeasure", "PARTIAL_DELIVERY"));
        assertThat(request.status()).as(request.toString()).isEqualTo(202);

        // the requester holds the CREDIT role too, and still may not decide
        Answer own = commands.post("lead1", "/api/accounts/" + c + "/orders/" + o + "/release-decision",
                Map.of("decision", "RELEASE", "note", "my own customer"));
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.isProblem()).isTrue();
        Answer salesDecides = commands.post("sales1", "/api/accounts/" + c + "/orders/" + o + "/release-decision",
                Map.of("decision", "RELEASE", "note", "not my role"));
        assertThat(salesDecides.status()).isEqualTo(403);

        // meanwhile finance sees the request waiting
        JsonNode finance = awaitQuery("credit1", "/api/views/finance",
                view -> view.get("releaseRequests").toString().contains(o));
        JsonNode waiting = null;
        for (JsonNode r : finance.get("releaseRequests")) {
            if (r.get("orderId").asText().equals(o)) {
                waiting = r;
            }
        }
        assertThat(waiting.get("requestedBy").asText()).isEqualTo("lead1");
        assertThat(waiting.get("proposedMeasure").asText()).isEqualTo("PARTIAL_DELIVERY");
        assertThat(waiting.get("waitingHours").asDouble()).isGreaterThanOrEqualTo(0);
        awaitQuery("analyst1", "/api/orders/" + o, view -> view.get("status").asText().equals("RELEASE_REQUESTED"));

        Answer released = commands.post("credit1", "/api/accounts/" + c + "/orders/" + o + "/release-decision",
                Map.of("decision", "RELEASE", "note", "half now, half after payment", "conditions", "partial delivery"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("status").asText()).isEqualTo("RELEASED");

        JsonNode account = awaitQuery("sales1", "/api/accounts/" + c,
                view -> view.get("exposure").decimalValue().compareTo(new java.math.BigDecimal("1500")) == 0);
        assertThat(account.get("availableCredit").decimalValue()).isEqualByComparingTo("-500");
        assertThat(account.get("status").asText()).isEqualTo("OVER_LIMIT");

        JsonNode order = awaitQuery("analyst1", "/api/orders/" + o, view -> view.get("status").asText().equals("RELEASED"));
        assertThat(order.get("reasons").toString()).isEqualTo("[\"LIMIT_EXCEEDED\"]");
        assertThat(order.get("decision").get("exposureBefore").decimalValue()).isEqualByComparingTo("0");
        assertThat(order.get("releaseRequest").get("requestedBy").asText()).isEqualTo("lead1");
        assertThat(order.get("releaseDecision").get("decidedBy").asText()).isEqualTo("credit1");
        assertThat(order.get("releaseDecision").get("conditions").asText()).isEqualTo("partial delivery");
        assertThat(order.get("history")).as("every status the order passed through").hasSize(3);
        assertThat(order.get("history").get(0).get("status").asText()).isEqualTo("BLOCKED");
        assertThat(order.get("history").get(1).get("status").asText()).isEqualTo("RELEASE_REQUESTED");
        assertThat(order.get("history").get(1).get("actor").asText()).isEqualTo("lead1");
        assertThat(order.get("history").get(1).get("at").asText())
                .isEqualTo(order.get("releaseRequest").get("at").asText());
        assertThat(order.get("history").get(2).get("status").asText()).isEqualTo("RELEASED");
        assertThat(order.get("history").get(2).get("actor").asText()).isEqualTo("credit1");
    }

    @Test
    void aSignalOpensAReviewThatBlocksOrdersUntilCreditConcludesIt() {
        String c = accountWithLimit("10000");
        Answer signal = commands.post("sales1", "/api/accounts/" + c + "/sales-signals", Map.of("signalId", "S-" + c,
                "category", "EMPTY_PREMISES", "severity", "HIGH", "note", "warehouse empty on Tuesday",
                "observedOn", TODAY));
        assertThat(signal.status()).as(signal.toString()).isEqualTo(201);
        assertThat(signal.json().get("reviewOpened").asBoolean()).isTrue();

        Answer blocked = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", "O-" + c + "-1", "amount", 100, "currency", "EUR"));
        assertThat(blocked.json().get("status").asText()).isEqualTo("BLOCKED");
        assertThat(blocked.json().get("reasons").toString()).isEqualTo("[\"CREDIT_REVIEW\"]");
        assertThat(blocked.json().get("decision").get("openReview").asBoolean()).isTrue();

        JsonNode worklist = awaitQuery("sales1", "/api/views/sales?accountManager=sales1",
                view -> view.get("reviews").toString().contains(c) && view.get("blockedOrders").toString().contains(c));
        assertThat(worklist.get("customers").toString()).contains(c);

        Answer concluded = commands.post("credit1", "/api/accounts/" + c + "/reviews/current/conclusion",
                Map.of("outcome", "NO_CHANGE", "note", "visited: they moved to a bigger warehouse"));
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(200);

        Answer accepted = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", "O-" + c + "-2", "amount", 100, "currency", "EUR"));
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");

        // the salesperson who reported sees the outcome
        JsonNode after = awaitQuery("sales1", "/api/views/sales?accountManager=sales1",
                view -> view.get("reviews").toString().contains("NO_CHANGE"));
        JsonNode review = null;
        for (JsonNode r : after.get("reviews")) {
            if (r.get("customerId").asText().equals(c)) {
                review = r;
            }
        }
        assertThat(review.get("outcome").asText()).isEqualTo("NO_CHANGE");
        assertThat(review.get("note").asText()).contains("bigger warehouse");
        assertThat(review.get("concludedBy").asText()).isEqualTo("credit1");
        assertThat(awaitQuery("sales1", "/api/accounts/" + c, view -> !view.get("openReview").asBoolean())
                .get("openReview").asBoolean()).isFalse();
    }

    @Test
    void termsInForceAtOnceOrAfterApprovalSetTheInvoicesDueDates() {
        String c = accountWithLimit("10000");
        Answer inForce = commands.post("sales1", "/api/accounts/" + c + "/payment-terms",
                Map.of("days", 45, "reason", "seasonal business"));
        assertThat(inForce.status()).as(inForce.toString()).isEqualTo(200);
        assertThat(inForce.json().get("status").asText()).isEqualTo("IN_FORCE");
        assertThat(issueInvoice(c, "I-" + c + "-1")).isEqualTo("2026-04-15");

        Answer awaiting = commands.post("sales1", "/api/accounts/" + c + "/payment-terms",
                Map.of("days", 60, "reason", "tender won against a competitor"));
        assertThat(awaiting.json().get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(issueInvoice(c, "I-" + c + "-2")).as("still the terms in force").isEqualTo("2026-04-15");

        Answer approved = commands.post("credit1", "/api/accounts/" + c + "/payment-terms/approval",
                Map.of("approve", true, "note", "strong payer"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(issueInvoice(c, "I-" + c + "-3")).isEqualTo("2026-04-30");
        assertThat(awaitQuery("credit1", "/api/accounts/" + c, view -> view.get("paymentTermDays").asInt() == 60)
                .get("paymentTermDays").asInt()).isEqualTo(60);
    }

    private static String issueInvoice(String c, String invoiceId) {
        Answer invoice = commands.post("erp", "/api/accounts/" + c + "/invoices", Map.of("invoiceId", invoiceId,
                "amount", 100, "currency", "EUR", "issueDate", "2026-03-01"));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        return invoice.json().get("dueDate").asText();
    }

    @Test
    void theNewEndpointsRefuseWrongRolesAndBadInput() {
        String c = accountWithLimit("100");
        String base = "/api/accounts/" + c;
        Map<String, String> wrongRole = Map.of(
                base + "/orders/O-x/release-requests", "credit1",
                base + "/orders/O-x/release-decision", "sales1",
                base + "/sales-signals", "erp",
                base + "/reviews/current/conclusion", "sales1",
                base + "/payment-terms", "credit1",
                base + "/payment-terms/approval", "sales1",
                base + "/hold", "sales1");
        wrongRole.forEach((path, user) -> BadInputEndToEndTest.assertProblem(commands.post(user, path, Map.of()), 403));

        Map<String, String> bad = Map.of(
                base + "/orders/O-x/release-requests", "{\"justification\":\"x\",\"proposedMeasure\":\"BRIBE\"}",
                base + "/orders/O-x/release-decision", "{\"decision\":\"MAYBE\",\"note\":\"x\"}",
                base + "/sales-signals", "{\"signalId\":\"S 1\",\"category\":\"GROWTH\",\"severity\":\"HIGH\","
                        + "\"note\":\"x\",\"observedOn\":\"" + TODAY + "\"}",
                base + "/reviews/current/conclusion", "{\"outcome\":\"LIMIT_CHANGED\",\"note\":\"x\",\"newLimit\":-1}",
                base + "/payment-terms", "{\"days\":\"sixty\",\"reason\":\"x\"}",
                base + "/payment-terms/approval", "{\"approve\":\"yes\",\"note\":\"x\"}",
                base + "/hold", "{}");
        Map<String, String> users = Map.of(
                base + "/orders/O-x/release-requests", "sales1", base + "/orders/O-x/release-decision", "credit1",
                base + "/sales-signals", "sales1", base + "/reviews/current/conclusion", "credit1",
                base + "/payment-terms", "sales1", base + "/payment-terms/approval", "credit1", base + "/hold", "credit1");
        long before = RunningCreditDesk.eventCount(RunningCreditDesk.shared(), c);
        bad.forEach((path, body) -> BadInputEndToEndTest.assertProblem(
                commands.send(users.get(path), "POST", path, body, "application/json"), 400));
        assertThat(RunningCreditDesk.eventCount(RunningCreditDesk.shared(), c)).isEqualTo(before);

        BadInputEndToEndTest.assertProblem(commands.post("sales1", base + "/orders/O-unknown/release-requests",
                Map.of("justification", "x", "proposedMeasure", "NONE")), 404);
        BadInputEndToEndTest.assertProblem(commands.post("credit1", base + "/reviews/current/conclusion",
                Map.of("outcome", "NO_CHANGE", "note", "nothing open")), 409);
    }

    /** A payment makes room: the blocked order is flagged for sales and credit at once, and released in one step. */
    @Test
    void aBlockedOrderThatNowFitsIsShownToBothSidesAndCreditReleasesItInOneStep() throws Exception {
        String c = accountWithLimit("10000");
        String first = "O-" + c + "-1";
        String blocked = "O-" + c + "-2";
        String path = "/api/accounts/" + c;
        assertThat(commands.post("erp", path + "/orders", Map.of("orderId", first, "amount", 8000, "currency", "EUR"))
                .json().get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(commands.post("erp", path + "/orders", Map.of("orderId", blocked, "amount", 5000, "currency", "EUR"))
                .json().get("status").asText()).isEqualTo("BLOCKED");
        assertThat(commands.post("erp", path + "/invoices", Map.of("invoiceId", "I-" + c, "orderId", first,
                "amount", 8000, "currency", "EUR", "issueDate", TODAY)).status()).isEqualTo(201);
        awaitQuery("sales1", "/api/views/sales?accountManager=sales1",
                view -> view.get("blockedOrders").toString().contains(blocked));

        try (EventStreamReader finance = new EventStreamReader(queries.stream("credit1", "/api/stream/views/finance"))) {
            assertThat(finance.next(Duration.ofSeconds(10))).as("the current view first").isNotNull();
            Answer tooLittle = commands.post("erp", path + "/payments", Map.of("paymentId", "P-" + c + "-1",
                    "amount", 2000, "currency", "EUR", "receivedOn", TODAY, "invoiceId", "I-" + c));
            assertThat(tooLittle.status()).as(tooLittle.toString()).isEqualTo(201);
            Answer enough = commands.post("erp", path + "/payments", Map.of("paymentId", "P-" + c + "-2",
                    "amount", 1000, "currency", "EUR", "receivedOn", TODAY, "invoiceId", "I-" + c));
            assertThat(enough.status()).as(enough.toString()).isEqualTo(201);

            EventStreamReader.Event flagged = finance.next(Duration.ofSeconds(15),
                    event -> event.data() != null && event.data().path("blockedOrdersNowFitting").toString()
                            .contains(blocked));
            assertThat(flagged).as("the finance stream shows the order that now fits").isNotNull();
        }
        JsonNode order = awaitQuery("credit1", "/api/orders/" + blocked, view -> view.hasNonNull("nowFits"));
        assertThat(order.get("status").asText()).as("flagged, not released").isEqualTo("BLOCKED");
        assertThat(order.at("/nowFits/cause").asText()).isEqualTo("PAYMENT");
        assertThat(order.at("/nowFits/reference").asText()).isEqualTo("P-" + c + "-2");
        assertThat(order.at("/nowFits/decision/exposureBefore").decimalValue()).isEqualByComparingTo("5000");
        JsonNode sales = awaitQuery("sales1", "/api/views/sales?accountManager=sales1",
                view -> view.get("blockedOrders").toString().contains("\"nowFits\":{"));
        for (JsonNode item : sales.get("blockedOrders")) {
            if (item.get("orderId").asText().equals(blocked)) {
                assertThat(item.at("/nowFits/cause").asText()).isEqualTo("PAYMENT");
            }
        }

        Answer released = commands.post("credit1", path + "/orders/" + blocked + "/release-decision",
                Map.of("decision", "RELEASE", "note", "room made by the payment"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        awaitQuery("credit1", "/api/views/finance",
                view -> !view.get("blockedOrdersNowFitting").toString().contains(blocked));
        awaitQuery("sales1", "/api/accounts/" + c, view -> view.get("exposure").decimalValue().compareTo(
                new java.math.BigDecimal("10000")) == 0);
    }
}
