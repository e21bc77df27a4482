package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What analysts and auditors ask of the history, over HTTP. */
class AuditEndToEndTest {
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();

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
    void aLongHistoryAsOfAnyInstantMatchesWhatWasRecordedUntilThen() throws Exception {
        String c = CreditAccountEndToEndTest.openAccount(commands, "ENTERPRISE");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 1_000_000, "source", "ANALYST", "reason", "start"));
        // 1,200 orders of 1.00 in three rounds; the projection keeps a checkpoint every 500 events
        List<Instant> instants = new ArrayList<>();
        int[] rounds = {300, 500, 400};
        int placed = 0;
        ExecutorService desks = Executors.newFixedThreadPool(8);
        try {
            for (int round : rounds) {
                List<Callable<Void>> orders = new ArrayList<>();
                for (int i = placed; i < placed + round; i++) {
                    String orderId = "O-" + c + "-" + i;
                    orders.add(() -> {
                        Answer answer = commands.post("erp", "/api/accounts/" + c + "/orders",
                                Map.of("orderId", orderId, "amount", 1, "currency", "EUR"));
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
                        return null;
                    });
                }
                for (Future<Void> order : desks.invokeAll(orders)) {
                    order.get();
                }
                placed += round;
                instants.add(pause());
            }
        } finally {
            desks.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> queries.get("credit1", "/api/accounts/" + c).json()
                .get("exposure").decimalValue().compareTo(new BigDecimal("1200")) == 0);

        int[] expected = {300, 800, 1200};
        for (int i = 0; i < expected.length; i++) {
            assertThat(asOf(c, instants.get(i)).get("exposure").decimalValue())
                    .as("exposure as of the end of round %d", i + 1)
                    .isEqualByComparingTo(BigDecimal.valueOf(expected[i]));
        }
    }

    @Test
    void everyDecisionIsReproducedFromItsInputsAndAChangedPolicyShowsTheDifference() throws Exception {
        Instant from = Instant.now();
        Random random = new Random(42);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
            commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                    Map.of("amount", 20000, "source", "ANALYST", "reason", "start"));
            customers.add(c);
        }
        // thousands of orders, sent by eight clients at once as several order desks would
        int orders = 3000;
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger blocked = new AtomicInteger();
        AtomicInteger blockedWithin125 = new AtomicInteger();
        List<Callable<Void>> placements = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            String c = customers.get(random.nextInt(customers.size()));
            BigDecimal amount = BigDecimal.valueOf(50 + random.nextInt(450));
            String orderId = "O-" + c + "-" + i;
            placements.add(() -> {
                Answer placed = commands.post("erp", "/api/accounts/" + c + "/orders",
                        Map.of("orderId", orderId, "amount", amount, "currency", "EUR"));
                assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
                JsonNode decision = placed.json().get("decision");
                if (placed.json().get("status").asText().equals("ACCEPTED")) {
                    accepted.incrementAndGet();
                } else {
                    blocked.incrementAndGet();
                    BigDecimal needed = decision.get("exposureBefore").decimalValue().add(amount);
                    if (needed.compareTo(new BigDecimal("25000")) <= 0) {
                        blockedWithin125.incrementAndGet();
                    }
                }
                return null;
            });
        }
        ExecutorService desks = Executors.newFixedThreadPool(8);
        try {
            for (Future<Void> placement : desks.invokeAll(placements)) {
                placement.get();
            }
        } finally {
            desks.shutdown();
        }
        assertThat(blocked.get()).as("the history must hold blocked orders").isPositive();
        assertThat(accepted.get() + blocked.get()).isEqualTo(orders);
        Instant to = Instant.now().plusMillis(1);

        Answer same = queries.post("analyst1", "/api/analysis/policy-simulation", Map.of("from", from, "to", to));
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().get("ordersEvaluated").asInt()).isEqualTo(orders);
        assertThat(same.json().get("reproduced").asInt()).as("decisions reproduced from their inputs")
                .isEqualTo(orders);
        assertThat(same.json().get("differing")).isEmpty();

        Answer generous = queries.post("analyst1", "/api/analysis/policy-simulation",
                Map.of("from", from, "to", to, "policy", Map.of("limitMultiplier", 1.25)));
        JsonNode differing = generous.json().get("differing");
        assertThat(differing).hasSize(blockedWithin125.get());
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
