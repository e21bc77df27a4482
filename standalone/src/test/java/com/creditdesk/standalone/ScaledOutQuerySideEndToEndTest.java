package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.EventStreamReader;
import com.creditdesk.standalone.support.EventStreamReader.Event;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side instances on one store: they share the projections' four segments two and two, a live
 * subscriber on either instance gets every change of what it watches whichever instance applied it,
 * exactly once, and when one instance stops the other takes all segments over and keeps the views going.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaledOutQuerySideEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int[] SEGMENTS = {0, 1, 2, 3};
    private static CreditDeskStandalone app;
    private static ConfigurableApplicationContext second;
    private static Api commands;
    private static Api first;
    private static Api other;

    @BeforeAll
    static void start() {
        app = RunningCreditDesk.start(RunningCreditDesk.tempDir());
        second = app.startQuerySide(0, Map.of());
        commands = new Api(app.commandPort());
        first = new Api(app.queryPort());
        other = new Api(Integer.parseInt(second.getEnvironment().getRequiredProperty("local.server.port")));
    }

    @AfterAll
    static void stop() {
        second.close();
        app.close();
    }

    private static JsonNode status(Api instance) {
        Answer answer = instance.get("admin", "/api/admin/projections");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().get(0);
    }

    private static Set<Integer> segments(Api instance) {
        Set<Integer> held = new HashSet<>();
        status(instance).get("segments").forEach(segment -> held.add(segment.asInt()));
        return held;
    }

    @Test
    @Order(1)
    void theTwoInstancesShareTheFourSegmentsTwoAndTwo() {
        long started = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> segments(first).size() == 2 && segments(other).size() == 2);
        System.out.printf("scale-out: segments split 2/2 %.1f s after the second instance was up%n",
                (System.nanoTime() - started) / 1e9);
        Set<Integer> all = new HashSet<>(segments(first));
        all.addAll(segments(other));
        assertThat(all).containsExactlyInAnyOrder(0, 1, 2, 3);
        JsonNode status = status(first);
        assertThat(status.get("instances").asInt()).isEqualTo(2);
        assertThat(status.get("segmentCount").asInt()).isEqualTo(4);
        assertThat(status.get("instance").asText()).isNotEqualTo(status(other).get("instance").asText());
        assertThat(status.get("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    @Order(2)
    void aSubscriberOnEitherInstanceGetsEachChangeOnceWhicheverInstanceAppliedIt() {
        Set<Integer> heldByFirst = segments(first);
        Set<Integer> heldByOther = segments(other);
        assertThat(heldByFirst).hasSize(2);
        // accounts until both instances apply at least one of them
        List<String> accounts = new ArrayList<>();
        boolean firstApplies = false;
        boolean otherApplies = false;
        while (!(firstApplies && otherApplies) || accounts.size() < 2) {
            assertThat(accounts).as("accounts opened to reach both instances").hasSizeLessThan(30);
            String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
            accounts.add(c);
            firstApplies |= heldByFirst.contains(segmentOf(c));
            otherApplies |= heldByOther.contains(segmentOf(c));
        }
        for (String c : accounts) {
            commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                    Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        }
        for (String c : accounts) {
            await().atMost(WAIT).until(() -> exposureOf(first, c) != null && exposureOf(other, c) != null);
        }
        try (EventStreamReader financeOnFirst = subscribe(first, "credit1", "/api/stream/views/finance");
             EventStreamReader financeOnOther = subscribe(other, "credit1", "/api/stream/views/finance")) {
            assertThat(financeOnFirst.next(WAIT).name()).isEqualTo("finance");
            assertThat(financeOnOther.next(WAIT).name()).isEqualTo("finance");
            for (String c : accounts) {
                String appliedBy = heldByFirst.contains(segmentOf(c)) ? "first" : "other";
                try (EventStreamReader onFirst = subscribe(first, "sales1", "/api/stream/accounts/" + c);
                     EventStreamReader onOther = subscribe(other, "sales1", "/api/stream/accounts/" + c)) {
                    assertThat(onFirst.next(WAIT).name()).isEqualTo("account");
                    assertThat(onOther.next(WAIT).name()).isEqualTo("account");
                    long sent = System.nanoTime();
                    Answer order = commands.post("erp", "/api/accounts/" + c + "/orders",
                            Map.of("orderId", "O-" + c, "amount", 2500, "currency", "EUR"));
                    assertThat(order.status()).as(order.toString()).isEqualTo(201);
                    Event seenOnFirst = withExposure(onFirst, "2500");
                    Event seenOnOther = withExposure(onOther, "2500");
                    assertThat(seenOnFirst).as("the update on the first instance").isNotNull();
                    assertThat(seenOnOther).as("the update on the other instance").isNotNull();
                    System.out.printf("scale-out: %s applied by the %s instance; update on the first %.1f ms, "
                                    + "on the other %.1f ms after the command%n", c, appliedBy,
                            (seenOnFirst.receivedNanos() - sent) / 1e6, (seenOnOther.receivedNanos() - sent) / 1e6);
                    assertThat(onFirst.next(Duration.ofMillis(700))).as("one update per change (first)").isNull();
                    assertThat(onOther.next(Duration.ofMillis(700))).as("one update per change (other)").isNull();
                }
                assertThat(financeOnFirst.next(WAIT)).as("finance on the first instance").isNotNull();
                assertThat(financeOnOther.next(WAIT)).as("finance on the other instance").isNotNull();
            }
        }
        for (ConfigurableApplicationContext instance : List.of(app.querySide(), second)) {
            Timer waits = instance.getBean(MeterRegistry.class).get("creditdesk.live.relay.wait").timer();
            System.out.printf("scale-out: relay waited for the projections %d times, mean %.1f ms, max %.1f ms%n",
                    waits.count(), waits.mean(TimeUnit.MILLISECONDS), waits.max(TimeUnit.MILLISECONDS));
        }
    }

    @Test
    @Order(3)
    void aRebuildOnOneInstanceTakesOverWhileTheOtherPausesAndBothGoOnAfterwards() {
        List<String> accounts = allAccounts(first);
        Map<String, BigDecimal> before = new java.util.HashMap<>();
        accounts.forEach(c -> before.put(c, exposureOf(first, c)));
        Answer started = first.post("admin", "/api/admin/projections/projections/replay", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(300))
                .until(() -> status(first).get("replay").isNull() && status(first).get("status").asText().equals("RUNNING"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> segments(first).size() == 2 && segments(other).size() == 2
                        && status(other).get("status").asText().equals("RUNNING"));
        try (MongoClient client = MongoClients.create(app.storeConnectionString())) {
            assertThat(client.getDatabase("creditdesk").listCollectionNames().into(new ArrayList<>()))
                    .as("every rebuilt collection was swapped in").noneMatch(name -> name.endsWith("_rebuild"));
        }
        accounts.forEach(c -> assertThat(exposureOf(other, c)).as(c).isEqualByComparingTo(before.get(c)));

        String c = accounts.get(0);
        try (EventStreamReader onOther = subscribe(other, "sales1", "/api/stream/accounts/" + c)) {
            assertThat(onOther.next(WAIT).name()).isEqualTo("account");
            Answer order = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-rebuilt", "amount", 100, "currency", "EUR"));
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            assertThat(untilExposure(onOther, before.get(c).add(new BigDecimal(100)).toPlainString()))
                    .as("the change after the rebuild on the other instance").isTrue();
        }
    }

    @Test
    @Order(4)
    void whenOneInstanceStopsTheOtherTakesEverySegmentOverAndKeepsTheViewsGoing() {
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        await().atMost(WAIT).until(() -> exposureOf(first, c) != null);
        try (EventStreamReader stream = subscribe(first, "sales1", "/api/stream/accounts/" + c)) {
            assertThat(stream.next(WAIT).name()).isEqualTo("account");
            long closing = System.nanoTime();
            second.close();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> segments(first).size() == 4);
            System.out.printf("scale-out: all 4 segments on the remaining instance %.1f s after the other stopped%n",
                    (System.nanoTime() - closing) / 1e9);
            assertThat(status(first).get("instances").asInt()).isEqualTo(1);

            Answer order = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-after", "amount", 300, "currency", "EUR"));
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            assertThat(untilExposure(stream, "300")).as("the update after the take-over").isTrue();
        }
        for (String account : allAccounts(first)) {
            await().atMost(WAIT).until(() -> exposureOf(first, account) != null);
        }
        await().atMost(WAIT).until(() -> status(first).get("lag").asLong() == 0);
    }

    private static int segmentOf(String customerId) {
        for (int segment : SEGMENTS) {
            if (Segment.computeSegment(segment, SEGMENTS).matches(customerId)) {
                return segment;
            }
        }
        throw new AssertionError("no segment for " + customerId);
    }

    private static BigDecimal exposureOf(Api instance, String customerId) {
        Answer view = instance.get("sales1", "/api/accounts/" + customerId);
        return view.status() == 200 ? view.json().get("exposure").decimalValue() : null;
    }

    private static List<String> allAccounts(Api instance) {
        JsonNode page = instance.get("sales1", "/api/accounts?size=200").json().get("accounts");
        return StreamSupport.stream(page.spliterator(), false).map(account -> account.get("customerId").asText()).toList();
    }

    private static EventStreamReader subscribe(Api instance, String user, String path) {
        HttpResponse<InputStream> response = instance.stream(user, path);
        assertThat(response.statusCode()).isEqualTo(200);
        return new EventStreamReader(response);
    }

    /** Whether an account update with this exposure arrives (the limit set just before may come first). */
    private static boolean untilExposure(EventStreamReader stream, String exposure) {
        return withExposure(stream, exposure) != null;
    }

    private static Event withExposure(EventStreamReader stream, String exposure) {
        for (Event event = stream.next(WAIT); event != null; event = stream.next(WAIT)) {
            if (event.data().get("exposure").decimalValue().compareTo(new BigDecimal(exposure)) == 0) {
                return event;
            }
        }
        return null;
    }
}
