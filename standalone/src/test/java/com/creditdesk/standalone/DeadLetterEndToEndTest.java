package com.creditdesk.standalone;

import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.query.deadletter.DeadLetterQueues;
import com.creditdesk.standalone.CreditDeskStandalone.Settings;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.FailingView;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static com.creditdesk.standalone.BadInputEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection fails on one event (a test-only view, {@link FailingView}, with a bug for one customer):
 * the processor goes on, every other account and every other view is updated; the event and the later
 * ones of that account are parked in the dead-letter queue in MongoDB, so the failing view never sees
 * that account out of order; the operator sees the letter with its cause, the letters survive a restart,
 * and once the bug is fixed a retry hands them over in order, each exactly once.
 */
class DeadLetterEndToEndTest {
    private final String poisoned = "C-DLQ-" + UUID.randomUUID().toString().substring(0, 8);
    private final String healthy = "C-DLQ-" + UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void cure() {
        FailingView.cure();
    }

    @Test
    void aPoisonEventIsParkedWithItsSequenceShownRetriedAndKeptOverARestart() {
        Path dataDir = RunningCreditDesk.tempDir();
        FailingView.poison(poisoned);
        try (CreditDeskStandalone first = start(dataDir); MongoClient store = MongoClients.create(first.storeConnectionString())) {
            Api commands = new Api(first.commandPort());
            Api queries = new Api(first.queryPort());
            open(commands, poisoned);
            open(commands, healthy);
            order(commands, poisoned, "1", 100); // the failing view cannot digest this one
            order(commands, poisoned, "2", 200); // nor would it this one: it is parked without being tried
            order(commands, healthy, "1", 100);
            order(commands, healthy, "2", 200);

            // the processor went past the poison: the healthy account is complete in the failing view too
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handled(store, healthy))
                    .isEqualTo(allOf(first, healthy)));
            awaitCaughtUp(queries);
            assertThat(projections(queries).get("status").asText()).isEqualTo("RUNNING");
            // the other views of the poisoned account are complete
            assertThat(queries.get("credit1", "/api/accounts/" + poisoned).json().get("exposure").decimalValue())
                    .isEqualByComparingTo("300");

            JsonNode group = deadLetters(queries);
            assertThat(group.get("processor").asText()).isEqualTo("projections");
            assertThat(group.get("letters").asLong()).isEqualTo(2);
            assertThat(group.get("sequences")).hasSize(1);
            JsonNode sequence = group.get("sequences").get(0);
            assertThat(sequence.get("sequenceIdentifier").asText()).isEqualTo(poisoned);
            assertThat(sequence.get("size").asLong()).isEqualTo(2);
            JsonNode poison = sequence.get("letters").get(0);
            JsonNode parked = sequence.get("letters").get(1);
            long poisonSequence = poison.get("aggregateSequence").asLong();
            assertThat(poison.get("eventType").asText()).isEqualTo("OrderAccepted");
            assertThat(poison.get("aggregateId").asText()).isEqualTo(poisoned);
            assertThat(poison.get("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(poison.get("causeMessage").asText()).contains("cannot digest", poisoned);
            assertThat(poison.get("attempts").asInt()).isEqualTo(1);
            assertThat(poison.get("position").asLong()).isNotNegative();
            assertThat(poison.get("enqueuedAt").asText()).isNotBlank();
            assertThat(parked.get("aggregateSequence").asLong()).as("parked behind, in order").isEqualTo(poisonSequence + 1);
            assertThat(parked.get("causeType").isNull()).as("parked, never tried").isTrue();
            assertThat(parked.get("attempts").asInt()).isZero();
            // the failing view holds the poisoned account up to the poison and nothing after it
            assertThat(handled(store, poisoned)).isEqualTo(LongStream.range(0, poisonSequence).boxed().toList());
            assertThat(projections(queries).get("deadLetters").asLong()).isEqualTo(2);

            // a retry while the bug is still there: the first letter fails again, nothing moves
            JsonNode retried = retry(queries);
            assertThat(retried.get("processed").asLong()).isZero();
            assertThat(retried.get("remaining").asLong()).isEqualTo(2);
            assertThat(retried.get("failed").asInt()).isEqualTo(1);
            JsonNode again = deadLetters(queries).get("sequences").get(0).get("letters").get(0);
            assertThat(again.get("attempts").asInt()).isEqualTo(2);
            assertThat(Instant.parse(again.get("lastAttemptAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(poison.get("lastAttemptAt").asText()));
            assertThat(handled(store, poisoned)).hasSize((int) poisonSequence);
        }

        try (CreditDeskStandalone second = start(dataDir); MongoClient store = MongoClients.create(second.storeConnectionString())) {
            Api commands = new Api(second.commandPort());
            Api queries = new Api(second.queryPort());
            // the letters survived the restart, and an event recorded now is parked behind them
            assertThat(deadLetters(queries).get("letters").asLong()).isEqualTo(2);
            order(commands, poisoned, "3", 300);
            order(commands, healthy, "3", 300);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handled(store, healthy))
                    .isEqualTo(allOf(second, healthy)));
            awaitCaughtUp(queries);
            JsonNode group = deadLetters(queries);
            assertThat(group.get("letters").asLong()).isEqualTo(3);
            assertThat(group.get("sequences").get(0).get("letters").get(0).get("attempts").asInt()).isEqualTo(2);
            long poisonSequence = group.get("sequences").get(0).get("letters").get(0).get("aggregateSequence").asLong();
            assertThat(handled(store, poisoned)).hasSize((int) poisonSequence);

            // the bug is fixed: the retry hands the three over in order, each once
            FailingView.cure();
            JsonNode retried = retry(queries);
            assertThat(retried.get("sequences").asInt()).isEqualTo(1);
            assertThat(retried.get("failed").asInt()).isZero();
            assertThat(retried.get("processed").asLong()).isEqualTo(3);
            assertThat(retried.get("remaining").asLong()).isZero();
            assertThat(handled(store, poisoned)).isEqualTo(allOf(second, poisoned));
            assertThat(deadLetters(queries).get("letters").asLong()).isZero();
            assertThat(projections(queries).get("deadLetters").asLong()).isZero();

            // the account is handled live again, and nothing was counted twice anywhere
            order(commands, poisoned, "4", 400);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(handled(store, poisoned))
                    .isEqualTo(allOf(second, poisoned)));
            awaitCaughtUp(queries);
            assertThat(deadLetters(queries).get("letters").asLong()).isZero();
            assertThat(queries.get("credit1", "/api/accounts/" + poisoned).json().get("exposure").decimalValue())
                    .isEqualByComparingTo(new BigDecimal("1000"));
            assertThat(queries.get("credit1", "/api/accounts/" + poisoned + "/timeline?size=100").json()
                    .get("entries")).hasSize((int) RunningCreditDesk.eventCount(second, poisoned));
            JsonNode nothingLeft = retry(queries);
            assertThat(nothingLeft.get("sequences").asInt()).isZero();
            assertThat(nothingLeft.get("processed").asLong()).isZero();

            // unknown groups and sequences are 404 problems
            assertProblem(queries.get("admin", "/api/admin/dead-letters/no-such-group"), 404);
            assertProblem(queries.post("admin", "/api/admin/dead-letters/no-such-group/retry", Map.of()), 404);
            assertProblem(queries.post("admin", "/api/admin/dead-letters/" + FailingView.GROUP + "/sequences/"
                    + healthy + "/retry", Map.of()), 404);
        }
    }

    /**
     * A rebuild that takes over has applied every event of the groups it rebuilds, so their letters go
     * with the views they belonged to; a group it does not rebuild keeps its letters. The letter in the
     * accounts queue is put there through Axon's queue API, as the accounts projection would on failing.
     */
    @Test
    void aRebuildThatTakesOverClearsTheLettersOfTheGroupsItRebuilt() {
        FailingView.poison(poisoned);
        try (CreditDeskStandalone app = start(RunningCreditDesk.tempDir())) {
            Api commands = new Api(app.commandPort());
            Api queries = new Api(app.queryPort());
            open(commands, poisoned);
            open(commands, healthy);
            order(commands, poisoned, "1", 100);
            order(commands, healthy, "1", 100);
            awaitCaughtUp(queries);
            DomainEventMessage<?> placed = app.querySide().getBean(EventStore.class).readEvents(healthy).asStream()
                    .filter(event -> event.getPayload() instanceof OrderAccepted).findFirst().orElseThrow();
            app.querySide().getBean(DeadLetterQueues.class).queue("accounts").orElseThrow().enqueue(healthy,
                    new GenericDeadLetter<>(healthy, placed, new IllegalStateException("the accounts view failed")));
            assertThat(letters(queries, "accounts")).isEqualTo(1);
            assertThat(letters(queries, FailingView.GROUP)).isEqualTo(1);
            assertThat(projections(queries).get("deadLetters").asLong()).isEqualTo(2);

            Answer started = queries.post("admin", "/api/admin/projections/projections/replay", Map.of());
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                    .until(() -> projections(queries).get("status").asText().equals("RUNNING"));
            awaitCaughtUp(queries);
            assertThat(projections(queries).get("lastReplay").get("outcome").asText()).isEqualTo("COMPLETED");
            assertThat(letters(queries, "accounts")).as("rebuilt: its letters went with the old views").isZero();
            assertThat(letters(queries, FailingView.GROUP)).as("not rebuilt: its letters stay").isEqualTo(1);
            assertThat(queries.get("credit1", "/api/accounts/" + healthy).json().get("exposure").decimalValue())
                    .isEqualByComparingTo("100");
            order(commands, healthy, "2", 200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(queries.get("credit1",
                    "/api/accounts/" + healthy).json().get("exposure").decimalValue()).isEqualByComparingTo("300"));
        }
    }

    private static long letters(Api queries, String group) {
        Answer answer = queries.get("admin", "/api/admin/dead-letters");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        for (JsonNode each : answer.json()) {
            if (each.get("processingGroup").asText().equals(group)) {
                return each.get("letters").asLong();
            }
        }
        throw new AssertionError("no group " + group + " in " + answer);
    }

    private static CreditDeskStandalone start(Path dataDir) {
        return CreditDeskStandalone.start(new Settings(dataDir, "127.0.0.1", 0, 0, 0, Map.of()), FailingView.SOURCE);
    }

    private static void open(Api commands, String customerId) {
        Answer opened = commands.post("erp", "/api/accounts", Map.of("customerId", customerId, "name",
                "Drukkerij " + customerId, "segment", "SMB", "currency", "EUR", "accountManager", "sales1",
                "language", "nl"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Answer limit = commands.put("credit1", "/api/accounts/" + customerId + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        assertThat(limit.status()).as(limit.toString()).isEqualTo(200);
    }

    private static void order(Api commands, String customerId, String n, int amount) {
        Answer placed = commands.post("erp", "/api/accounts/" + customerId + "/orders",
                Map.of("orderId", customerId + "-O" + n, "amount", amount, "currency", "EUR"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().get("status").asText()).isEqualTo("ACCEPTED");
    }

    /** The sequence numbers the failing view was handed for an account, in the order it got them. */
    private static List<Long> handled(MongoClient store, String customerId) {
        Document doc = store.getDatabase("creditdesk").getCollection(FailingView.COLLECTION)
                .find(new Document("_id", customerId)).first();
        return doc == null ? List.of() : doc.getList("handled", Number.class).stream().map(Number::longValue).toList();
    }

    private static List<Long> allOf(CreditDeskStandalone app, String customerId) {
        return LongStream.range(0, RunningCreditDesk.eventCount(app, customerId)).boxed().toList();
    }

    private static JsonNode deadLetters(Api queries) {
        Answer answer = queries.get("admin", "/api/admin/dead-letters/" + FailingView.GROUP);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode retry(Api queries) {
        Answer answer = queries.post("admin", "/api/admin/dead-letters/" + FailingView.GROUP + "/retry", Map.of());
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    private static JsonNode projections(Api queries) {
        return queries.get("admin", "/api/admin/projections").json().get(0);
    }

    private static void awaitCaughtUp(Api queries) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> projections(queries).get("lag").asLong() == 0);
    }
}
