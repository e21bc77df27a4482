package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Stop and start on the same data folder: every event and every view is still there, nothing counted twice. */
class RestartEndToEndTest {
    private static final String TODAY = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

    @Test
    void aRestartKeepsTheAccountItsHistoryAndItsViewsExactly() {
        Path dataDir = RunningCreditDesk.tempDir();
        String c;
        JsonNode viewBefore;
        JsonNode timelineBefore;
        long eventsBefore;
        try (CreditDeskStandalone first = RunningCreditDesk.start(dataDir)) {
            Api commands = new Api(first.commandPort());
            Api queries = new Api(first.queryPort());
            c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
            commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                    Map.of("amount", 5000, "source", "ANALYST", "reason", "start"));
            commands.post("erp", "/api/accounts/" + c + "/orders", Map.of("orderId", "O-" + c + "-1", "amount", 1000,
                    "currency", "EUR"));
            commands.post("erp", "/api/accounts/" + c + "/orders", Map.of("orderId", "O-" + c + "-2", "amount", 1500,
                    "currency", "EUR"));
            commands.post("erp", "/api/accounts/" + c + "/invoices", Map.of("invoiceId", "I-" + c, "orderId",
                    "O-" + c + "-1", "amount", 1000, "currency", "EUR", "issueDate", TODAY));
            commands.post("erp", "/api/accounts/" + c + "/payments", Map.of("paymentId", "P-" + c, "amount", 400,
                    "currency", "EUR", "receivedOn", TODAY));
            eventsBefore = RunningCreditDesk.eventCount(first, c);
            viewBefore = await().atMost(Duration.ofSeconds(15)).until(
                    () -> queries.get("sales1", "/api/accounts/" + c).json(),
                    view -> view.has("exposure") && view.get("exposure").decimalValue().compareTo(
                            new java.math.BigDecimal("2100")) == 0);
            timelineBefore = await().atMost(Duration.ofSeconds(15)).until(
                    () -> queries.get("sales1", "/api/accounts/" + c + "/timeline").json(),
                    page -> page.get("entries").size() == eventsBefore);
        }

        try (CreditDeskStandalone second = RunningCreditDesk.start(dataDir)) {
            Api commands = new Api(second.commandPort());
            Api queries = new Api(second.queryPort());
            assertThat(RunningCreditDesk.eventCount(second, c)).isEqualTo(eventsBefore);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                assertThat(queries.get("sales1", "/api/accounts/" + c).json()).isEqualTo(viewBefore);
                assertThat(queries.get("sales1", "/api/accounts/" + c + "/timeline").json()).isEqualTo(timelineBefore);
            });
            // an event of another account, then every processor of the query side past it: a processor that
            // would wrongly replay the account's events has applied them a second time by then
            CreditAccountEndToEndTest.openAccount(commands, "SMB");
            long marker = RunningCreditDesk.headPosition(second);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(queries.get("admin", "/api/admin/projections").json())
                            .isNotEmpty().allSatisfy(processor -> assertThat(processor.get("position").asLong(-1))
                                    .as(processor.toString()).isGreaterThanOrEqualTo(marker)));
            assertThat(queries.get("sales1", "/api/accounts/" + c).json()).isEqualTo(viewBefore);
            assertThat(queries.get("sales1", "/api/accounts/" + c + "/timeline").json()).isEqualTo(timelineBefore);

            // the aggregate continues from its history: the repeat is recognised, the next order sees the exposure
            Answer repeat = commands.post("erp", "/api/accounts/" + c + "/payments", Map.of("paymentId", "P-" + c,
                    "amount", 400, "currency", "EUR", "receivedOn", TODAY));
            assertThat(repeat.status()).isEqualTo(201);
            Answer next = commands.post("erp", "/api/accounts/" + c + "/orders", Map.of("orderId", "O-" + c + "-3",
                    "amount", 2900, "currency", "EUR"));
            assertThat(next.json().get("status").asText()).isEqualTo("ACCEPTED");
            assertThat(next.json().get("decision").get("exposureBefore").decimalValue()).isEqualByComparingTo("2100");
            assertThat(RunningCreditDesk.eventCount(second, c)).isEqualTo(eventsBefore + 1);
        }
    }
}
