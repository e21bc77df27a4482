package com.creditdesk.standalone;

import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.standalone.support.AllAtOnce;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.EventStreamReader;
import com.creditdesk.standalone.support.EventStreamReader.Event;
import com.creditdesk.standalone.support.ProjectedViews;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.creditdesk.standalone.support.SideProcess;
import com.creditdesk.standalone.support.SideProcess.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Credit Desk scaled out: two command-side and two query-side instances, each a JVM of its own, on
 * one store. The command instances decide on one account as if they were one; the query instances
 * share the projections' segments and take over from each other.
 */
class ScaleOutTest {
    private static EmbeddedMongo store;
    private static MongoClient mongo;
    private static final List<SideProcess> commandSides = new ArrayList<>();

    @BeforeAll
    static void start() {
        store = EmbeddedMongo.start("127.0.0.1", 0, RunningCreditDesk.tempDir());
        mongo = MongoClients.create(store.connectionString());
        commandSides.add(SideProcess.start(Side.COMMAND, "scale-command-side-1", store.connectionString()));
        commandSides.add(SideProcess.start(Side.COMMAND, "scale-command-side-2", store.connectionString()));
    }

    @AfterAll
    static void stop() {
        commandSides.forEach(SideProcess::close);
        mongo.close();
        store.close();
    }

    /** The instance for the n-th request: the two in turn. */
    private static Api commands(int n) {
        return commandSides.get(n % commandSides.size()).api();
    }

    private static String accountWithLimitOf10000() {
        String c = CreditAccountEndToEndTest.openAccount(commands(0), "SMB");
        Answer limit = commands(1).put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        assertThat(limit.status()).as(limit.toString()).isEqualTo(200);
        return c;
    }

    @Test
    void ordersSentToBothCommandInstancesAtOnceNeverOverspendTheLimit() throws Exception {
        String c = accountWithLimitOf10000();
        List<Callable<Answer>> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Api instance = commands(i);
            String orderId = "O-" + c + "-" + i;
            orders.add(() -> instance.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", orderId, "amount", 250, "currency", "EUR")));
        }

        List<Answer> answers = AllAtOnce.run(orders);

        assertThat(answers).as("conflicts between the instances are retried inside, never shown")
                .allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        long accepted = answers.stream().filter(a -> a.json().get("status").asText().equals("ACCEPTED")).count();
        assertThat(accepted).as("10 000 of credit holds 40 orders of 250").isEqualTo(40);
        assertThat(recorded(c, "OrderAccepted")).isEqualTo(40);
        assertThat(recorded(c, "OrderBlocked")).isEqualTo(20);
    }

    @Test
    void theSameOrderSentToBothInstancesAtOnceIsRecordedOnce() throws Exception {
        String c = accountWithLimitOf10000();
        List<Callable<Answer>> repeats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Api instance = commands(i);
            repeats.add(() -> instance.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-once", "amount", 300, "currency", "EUR")));
        }

        List<Answer> answers = AllAtOnce.run(repeats);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().get("status").asText()).distinct()).containsExactly("ACCEPTED");
        assertThat(recorded(c, "OrderAccepted")).as("one order, once, whichever instance took it").isEqualTo(1);
        Answer elsewhere = commands(1).post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", "O-" + c + "-once", "amount", 301, "currency", "EUR"));
        assertThat(elsewhere.status()).as("the same id with other content, on either instance").isEqualTo(409);
    }

    @Test
    void queryInstancesShareTheSegmentsServeEveryUpdateAndTakeOverFromAKilledOne() {
        SideProcess first = SideProcess.start(Side.QUERY, "scale-query-side-1", store.connectionString());
        SideProcess second = SideProcess.start(Side.QUERY, "scale-query-side-2", store.connectionString());
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> segments(first).size() == 2 && segments(second).size() == 2);
            Set<Integer> all = new TreeSet<>(segments(first));
            all.addAll(segments(second));
            assertThat(all).as("the four segments, two on each instance").containsExactly(0, 1, 2, 3);

            List<String> accounts = new ArrayList<>();
            for (int a = 0; a < 8; a++) {
                accounts.add(accountWithLimitOf10000()); // spread over every segment
            }
            String watched = accounts.get(0);
            try (EventStreamReader onFirst = subscribe(first, watched);
                 EventStreamReader onSecond = subscribe(second, watched)) {
                assertThat(commands(1).post("erp", "/api/accounts/" + watched + "/orders",
                        Map.of("orderId", "O-" + watched + "-watched", "amount", 250, "currency", "EUR")).status())
                        .isEqualTo(201);
                assertThat(untilExposure(onFirst, "250")).as("an update on the first instance").isNotNull();
                assertThat(untilExposure(onSecond, "250")).as("an update on the second instance").isNotNull();
            }

            second.kill();
            long killed = System.nanoTime();
            for (int n = 0; n < 16; n++) {
                String c = accounts.get(n % accounts.size());
                assertThat(commands(n).post("erp", "/api/accounts/" + c + "/orders",
                        Map.of("orderId", "O-" + c + "-after-" + n, "amount", 100, "currency", "EUR")).status())
                        .isEqualTo(201);
            }
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> segments(first).size() == 4);
            System.out.printf("scale-out: the surviving query instance held all four segments %.1f s after the kill%n",
                    (System.nanoTime() - killed) / 1e9);
            Api survivor = first.api();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> accounts.stream()
                    .allMatch(c -> survivor.get("credit1", "/api/accounts/" + c).json().get("exposure").decimalValue()
                            .compareTo(expectedExposure(c)) == 0));

            ProjectedViews.awaitCaughtUp(survivor, Duration.ofMinutes(1));
            Map<String, List<String>> builtByTwo = new java.util.LinkedHashMap<>(ProjectedViews.read(mongo.getDatabase("creditdesk")));
            assertThat(survivor.post("admin", "/api/admin/projections/projections/replay", Map.of()).status())
                    .isEqualTo(202);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .until(() -> ProjectedViews.status(survivor).get("replay").isNull());
            ProjectedViews.awaitCaughtUp(survivor, Duration.ofMinutes(1));
            Map<String, List<String>> rebuilt = new java.util.LinkedHashMap<>(ProjectedViews.read(mongo.getDatabase("creditdesk")));
            assertThat(rebuilt)
                    .as("views built by two instances and a take-over equal a rebuild: each event applied once")
                    .isEqualTo(builtByTwo);
        } finally {
            first.close();
            second.close();
        }
    }

    /** The segments of the projections this instance holds, as its operator's API tells. */
    private static List<Integer> segments(SideProcess querySide) {
        List<Integer> held = new ArrayList<>();
        ProjectedViews.status(querySide.api()).get("segments").forEach(segment -> held.add(segment.asInt()));
        return held;
    }

    private static EventStreamReader subscribe(SideProcess querySide, String customerId) {
        HttpResponse<InputStream> response = querySide.api().stream("credit1", "/api/stream/accounts/" + customerId);
        assertThat(response.statusCode()).isEqualTo(200);
        EventStreamReader reader = new EventStreamReader(response);
        assertThat(reader.next(Duration.ofSeconds(10)).name()).as("the current view first").isEqualTo("account");
        return reader;
    }

    private static JsonNode untilExposure(EventStreamReader stream, String exposure) {
        for (Event event = stream.next(Duration.ofSeconds(10)); event != null; event = stream.next(Duration.ofSeconds(10))) {
            if (event.data().get("exposure").decimalValue().compareTo(new BigDecimal(exposure)) == 0) {
                return event.data();
            }
        }
        return null;
    }

    /** The sum of the account's accepted orders, from the store. */
    private static BigDecimal expectedExposure(String customerId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Document commit : mongo.getDatabase("creditdesk").getCollection("events")
                .find(new Document("events.aggregateIdentifier", customerId))) {
            for (Document event : commit.getList("events", Document.class)) {
                if (customerId.equals(event.getString("aggregateIdentifier"))
                        && event.getString("payloadType").endsWith("$OrderAccepted")) {
                    sum = sum.add(amountOf(event.getString("payload")));
                }
            }
        }
        return sum;
    }

    private static BigDecimal amountOf(String payload) {
        try {
            return Api.JSON.readTree(payload).get("amount").decimalValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Events of one type recorded for an account, read from the store with the plain driver. */
    private static long recorded(String customerId, String type) {
        long count = 0;
        for (Document commit : mongo.getDatabase("creditdesk").getCollection("events")
                .find(new Document("events.aggregateIdentifier", customerId))) {
            count += commit.getList("events", Document.class).stream()
                    .filter(event -> customerId.equals(event.getString("aggregateIdentifier"))
                            && event.getString("payloadType").endsWith("$" + type)).count();
        }
        return count;
    }
}
