package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What analysts and auditors ask of the history, over HTTP. */
class AuditEndToEndTest {
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void start() {
        CreditDeskStandalone app = RunningCreditDesk.shared();
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
    }

    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        return between;
    }

    private static JsonNode asOf(String c, Instant at) {
        Answer answer = queries.get("analyst1", "/api/accounts/" + c + "/as-of?at=" + at);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theAccountAsItStoodAtSeveralInstants() throws InterruptedException {
        Instant beforeOpening = Instant.now();
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        Instant opened = pause();
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 5000, "source", "ANALYST", "reason", "start"));
        Instant limited = pause();
        commands.post("erp", "/api/accounts/" + c + "/orders", Map.of("orderId", "O-" + c + "-1", "amount", 3000,
                "currency", "EUR"));
        Instant ordered = pause();
        commands.put("erp", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 2000, "source", "INSURER", "reason", "insurer cut"));
        Instant cut = pause();
        commands.post("credit1", "/api/accounts/" + c + "/hold", Map.of("reason", "over limit"));

        assertThat(queries.get("analyst1", "/api/accounts/" + c + "/as-of?at=" + beforeOpening).status())
                .isEqualTo(404);
        JsonNode atOpening = asOf(c, opened);
        assertThat(atOpening.get("effectiveLimit").decimalValue()).isEqualByComparingTo("0");
        assertThat(atOpening.get("exposure").decimalValue()).isEqualByComparingTo("0");

        JsonNode withLimit = asOf(c, limited);
        assertThat(withLimit.get("availableCredit").decimalValue()).isEqualByComparingTo("5000");

        JsonNode withOrder = asOf(c, ordered);
        assertThat(withOrder.get("exposure").decimalValue()).isEqualByComparingTo("3000");
        assertThat(withOrder.get("availableCredit").decimalValue()).isEqualByComparingTo("2000");
        assertThat(withOrder.get("status").asText()).isEqualTo("OK");

        JsonNode afterCut = asOf(c, cut);
        assertThat(afterCut.get("effectiveLimit").decimalValue()).isEqualByComparingTo("2000");
        assertThat(afterCut.get("insurerLimit").decimalValue()).isEqualByComparingTo("2000");
        assertThat(afterCut.get("availableCredit").decimalValue()).isEqualByComparingTo("-1000");
        assertThat(afterCut.get("status").asText()).isEqualTo("OVER_LIMIT");
        assertThat(afterCut.get("onHold").asBoolean()).isFalse();

        JsonNode now = asOf(c, Instant.now());
        assertThat(now.get("onHold").asBoolean()).isTrue();
        assertThat(queries.get("sales1", "/api/accounts/" + c + "/as-of?at=" + Instant.now()).status())
                .as("as-of is for analysts and credit").isEqualTo(403);
        assertThat(queries.get("analyst1", "/api/accounts/" + c + "/as-of?at=yesterday").status()).isEqualTo(400);
    }

    @Test
    void everyDecisionIsReproducedFromItsInputsAndAChangedPolicyShowsTheDifference() {
        Instant from = Instant.now();
        Random random = new Random(42);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
            commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                    Map.of("amount", 20000, "source", "ANALYST", "reason", "start"));
            customers.add(c);
        }
        int accepted = 0;
        int blocked = 0;
        int blockedWithin125 = 0;
        for (int i = 0; i < 1000; i++) {
            String c = customers.get(random.nextInt(customers.size()));
            BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(450));
            Answer placed = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-" + i, "amount", amount, "currency", "EUR"));
            JsonNode decision = placed.json().get("decision");
            if (placed.json().get("status").asText().equals("ACCEPTED")) {
                accepted++;
            } else {
                blocked++;
                BigDecimal needed = decision.get("exposureBefore").decimalValue().add(amount);
                if (needed.compareTo(new BigDecimal("25000")) <= 0) {
                    blockedWithin125++;
                }
            }
        }
        assertThat(blocked).as("the history must hold blocked orders").isPositive();
        Instant to = Instant.now().plusMillis(1);

        Answer same = queries.post("analyst1", "/api/analysis/policy-simulation", Map.of("from", from, "to", to));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("ordersEvaluated").asInt()).isEqualTo(accepted + blocked);
        assertThat(same.json().get("reproduced").asInt()).as("decisions reproduced from their inputs")
                .isEqualTo(accepted + blocked);
        assertThat(same.json().get("differing")).isEmpty();

        Answer generous = queries.post("analyst1", "/api/analysis/policy-simulation",
                Map.of("from", from, "to", to, "policy", Map.of("limitMultiplier", 1.25)));
        JsonNode differing = generous.json().get("differing");
        assertThat(differing).hasSize(blockedWithin125);
        differing.forEach(order -> {
            assertThat(order.get("actual").asText()).isEqualTo("BLOCKED");
            assertThat(order.get("simulated").asText()).isEqualTo("ACCEPTED");
            assertThat(order.get("actualReasons").toString()).isEqualTo("[\"LIMIT_EXCEEDED\"]");
            assertThat(order.get("reasons")).isEmpty();
        });
        Answer bad = queries.post("analyst1", "/api/analysis/policy-simulation",
                Map.of("policy", Map.of("limitMultiplier", -1)));
        BadInputEndToEndTest.assertProblem(bad, 400);
        assertThat(queries.post("credit1", "/api/analysis/policy-simulation", Map.of()).status()).isEqualTo(403);
    }

    @Test
    void theHistoryExportsAsOneJsonLinePerEvent() {
        String c = CreditAccountEndToEndTest.openAccount(commands, "ENTERPRISE");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 100, "source", "ANALYST", "reason", "start"));
        commands.post("erp", "/api/accounts/" + c + "/orders", Map.of("orderId", "O-" + c, "amount", 150,
                "currency", "EUR"));

        Answer export = queries.get("analyst1", "/api/events?customerId=" + c);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.body().strip().split("\n");
        assertThat(lines).hasSize(4);
        List<String> types = new ArrayList<>();
        long lastPosition = -1;
        for (int i = 0; i < lines.length; i++) {
            JsonNode line = new Answer(200, "application/json", lines[i]).json();
            assertThat(line.get("customerId").asText()).isEqualTo(c);
            assertThat(line.get("sequence").asLong()).isEqualTo(i);
            assertThat(line.get("position").asLong()).isGreaterThan(lastPosition);
            lastPosition = line.get("position").asLong();
            assertThat(Instant.parse(line.get("at").asText())).isBefore(Instant.now());
            types.add(line.get("type").asText());
        }
        assertThat(types).containsExactly("AccountOpened", "CreditLimitSet", "OrderBlocked", "LimitExceeded");
        JsonNode blocked = new Answer(200, "application/json", lines[2]).json();
        assertThat(blocked.get("actor").asText()).isEqualTo("erp");
        assertThat(blocked.get("payload").get("decision").get("exposureBefore").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(queries.get("credit1", "/api/events").status()).isEqualTo(403);
    }
}
