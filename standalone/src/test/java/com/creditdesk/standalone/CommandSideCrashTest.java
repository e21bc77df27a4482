package com.creditdesk.standalone;

import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
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
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side killed (kill -9) while clients send orders: every order it answered 2xx for is
 * in the store, and after a restart every order sent again — answered or cut off by the crash — is
 * answered as the first time and recorded once.
 */
class CommandSideCrashTest {
    private static final int ACCOUNTS = 8;
    private static final int CLIENTS = 8;

    private static EmbeddedMongo store;
    private static MongoClient mongo;
    private static SideProcess commandSide;

    @BeforeAll
    static void start() {
        store = EmbeddedMongo.start("127.0.0.1", 0, RunningCreditDesk.tempDir());
        mongo = MongoClients.create(store.connectionString());
        commandSide = SideProcess.start(Side.COMMAND, "crash-command-side", store.connectionString());
    }

    @AfterAll
    static void stop() {
        commandSide.close();
        mongo.close();
        store.close();
    }

    /** An order a client sent: its answer, or none when the connection broke. */
    record Sent(String customerId, String orderId, Answer answer) {
        Map<String, Object> body() {
            return Map.of("orderId", orderId, "amount", new BigDecimal("10.25"), "currency", "EUR");
        }
    }

    @Test
    void everyAnsweredCommandSurvivesAKillAndARepeatIsRecordedOnce() throws Exception {
        Api commands = commandSide.api();
        List<String> accounts = new ArrayList<>();
        for (int a = 0; a < ACCOUNTS; a++) {
            String c = CreditAccountEndToEndTest.openAccount(commands, "ENTERPRISE");
            commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                    Map.of("amount", 10_000_000, "source", "ANALYST", "reason", "start"));
            accounts.add(c);
        }

        List<Sent> sent = sendUntilKilled(commands, accounts);

        List<Sent> answered = sent.stream().filter(s -> s.answer() != null && s.answer().status() / 100 == 2).toList();
        List<Sent> cutOff = sent.stream().filter(s -> s.answer() == null).toList();
        assertThat(sent).as("no other answer than 201 before the kill")
                .allSatisfy(s -> assertThat(s.answer() == null || s.answer().status() == 201).as(String.valueOf(s)).isTrue());
        assertThat(answered.size()).as("orders answered before the kill").isGreaterThan(50);
        Set<String> recorded = recordedOrderIds();
        assertThat(recorded).as("every order answered 2xx is in the store")
                .containsAll(answered.stream().map(Sent::orderId).toList());
        long eventsAfterCrash = storedEvents();

        commandSide = commandSide.restart();
        Api restarted = commandSide.api();
        for (Sent order : answered) {
            Answer again = restarted.post("erp", "/api/accounts/" + order.customerId() + "/orders", order.body());
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            assertThat(again.json().get("status")).isEqualTo(order.answer().json().get("status"));
        }
        assertThat(storedEvents()).as("a repeat of an answered order records nothing").isEqualTo(eventsAfterCrash);
        int completed = 0;
        for (Sent order : cutOff) {
            Answer again = restarted.post("erp", "/api/accounts/" + order.customerId() + "/orders", order.body());
            assertThat(again.status()).as(again.toString()).isEqualTo(201);
            completed += recorded.contains(order.orderId()) ? 0 : 1;
        }
        Set<String> afterRepeats = recordedOrderIds();
        assertThat(afterRepeats).containsAll(cutOff.stream().map(Sent::orderId).toList());
        assertThat(orderEvents()).as("each order recorded once").isEqualTo(afterRepeats.size());
        System.out.printf("kill -9 under load: %d orders answered 2xx, all %d in the store; %d cut off by the crash "
                        + "(%d of them recorded before it), recorded once after being sent again%n",
                answered.size(), answered.size(), cutOff.size(), cutOff.size() - completed);
    }

    /** Clients send orders without pause; once 200 are answered the command side is killed under them. */
    private static List<Sent> sendUntilKilled(Api commands, List<String> accounts) throws Exception {
        List<Sent> sent = new ArrayList<>();
        Set<Sent> all = ConcurrentHashMap.newKeySet();
        AtomicInteger answered = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int client = t;
            running.add(clients.submit(() -> {
                for (int n = 0; ; n++) {
                    String c = accounts.get((client + n) % accounts.size());
                    Sent order = new Sent(c, "O-" + c + "-" + client + "-" + n, null);
                    try {
                        Answer answer = commands.post("erp", "/api/accounts/" + c + "/orders", order.body());
                        all.add(new Sent(c, order.orderId(), answer));
                        answered.incrementAndGet();
                    } catch (UncheckedIOException connectionGone) {
                        all.add(order);
                        return;
                    }
                }
            }));
        }
        while (answered.get() < 200) {
            Thread.sleep(10);
        }
        commandSide.kill();
        for (Future<?> client : running) {
            client.get(30, TimeUnit.SECONDS);
        }
        clients.shutdown();
        sent.addAll(all);
        return sent;
    }

    private static Set<String> recordedOrderIds() {
        Set<String> ids = new HashSet<>();
        forEachEvent(event -> {
            if (isOrderDecision(event)) {
                ids.add(json(event.getString("payload")).get("orderId").asText());
            }
        });
        return ids;
    }

    private static long orderEvents() {
        long[] count = {0};
        forEachEvent(event -> count[0] += isOrderDecision(event) ? 1 : 0);
        return count[0];
    }

    /** A placed order is recorded as accepted or blocked: one event. */
    private static boolean isOrderDecision(Document event) {
        String type = event.getString("payloadType");
        return type.endsWith("OrderAccepted") || type.endsWith("OrderBlocked");
    }

    private static long storedEvents() {
        long[] count = {0};
        forEachEvent(event -> count[0]++);
        return count[0];
    }

    /** Every event as the store keeps it (commit documents, see the event-store module), read with the plain driver. */
    private static void forEachEvent(java.util.function.Consumer<Document> action) {
        for (Document commit : mongo.getDatabase("creditdesk").getCollection("events").find()) {
            commit.getList("events", Document.class).forEach(action);
        }
    }

    private static JsonNode json(String text) {
        try {
            return Api.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
