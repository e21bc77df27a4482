package com.creditdesk.standalone;

import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.standalone.support.AllAtOnce;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.creditdesk.standalone.support.SideProcess;
import com.creditdesk.standalone.support.SideProcess.Side;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

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
