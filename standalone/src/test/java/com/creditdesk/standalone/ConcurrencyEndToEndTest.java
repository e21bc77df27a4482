package com.creditdesk.standalone;

import com.creditdesk.standalone.support.AllAtOnce;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once on one account: the credit check still sees every order, and a repeat counts once. */
class ConcurrencyEndToEndTest {
    private static CreditDeskStandalone app;
    private static Api commands;

    @BeforeAll
    static void start() {
        app = RunningCreditDesk.shared();
        commands = new Api(app.commandPort());
    }

    private static String accountWithLimitOf10000() {
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        return c;
    }

    @Test
    void sixtyParallelOrdersAcceptExactlyThoseThatFit() throws Exception {
        String c = accountWithLimitOf10000();
        List<Callable<Answer>> orders = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String orderId = "O-" + c + "-" + i;
            orders.add(() -> commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", orderId, "amount", 250, "currency", "EUR")));
        }

        List<Answer> answers = AllAtOnce.run(orders);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        long accepted = answers.stream().filter(a -> a.json().get("status").asText().equals("ACCEPTED")).count();
        assertThat(accepted).as("10 000 of credit holds 40 orders of 250").isEqualTo(40);
        assertThat(answers.stream().filter(a -> a.json().get("status").asText().equals("BLOCKED")))
                .allSatisfy(a -> assertThat(a.json().get("reasons").toString()).contains("LIMIT_EXCEEDED"));
        assertThat(recorded(c, "OrderAccepted")).isEqualTo(40);
        assertThat(recorded(c, "OrderBlocked")).isEqualTo(20);
    }

    @Test
    void theSameOrderSentByTenClientsAtOnceIsRecordedOnce() throws Exception {
        String c = accountWithLimitOf10000();
        List<Callable<Answer>> repeats = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            repeats.add(() -> commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-once", "amount", 300, "currency", "EUR")));
        }

        List<Answer> answers = AllAtOnce.run(repeats);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().get("status").asText()).distinct()).containsExactly("ACCEPTED");
        assertThat(recorded(c, "OrderAccepted")).as("one order, once").isEqualTo(1);
    }

    private static long recorded(String customerId, String type) {
        return app.commandSide().getBean(EventStore.class).readEvents(customerId).asStream()
                .filter(event -> event.getPayloadType().getSimpleName().equals(type)).count();
    }
}
