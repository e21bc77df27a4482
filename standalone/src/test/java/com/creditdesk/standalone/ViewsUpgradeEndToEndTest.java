package com.creditdesk.standalone;

import com.creditdesk.query.admin.ViewsVersion;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store whose views were written by an older version of the projections (here: one that kept no
 * receivables as sums) gets them rebuilt on the first start of the new version, and then shows the
 * figures the events give.
 */
class ViewsUpgradeEndToEndTest {

    @Test
    void viewsOfAnOlderLayoutAreRebuiltOnceOnStart() {
        Path dataDir = RunningCreditDesk.tempDir();
        LocalDate issued = LocalDate.now(ZoneOffset.UTC).minusDays(70);
        try (CreditDeskStandalone first = RunningCreditDesk.start(dataDir)) {
            MongoDatabase views = first.querySide().getBean(MongoDatabase.class);
            assertThat(first.querySide().getBean(ViewsVersion.class).stored()).isEqualTo(ViewsVersion.CURRENT);
            Api commands = new Api(first.commandPort());
            Api queries = new Api(first.queryPort());
            String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
            assertThat(commands.post("erp", "/api/accounts/" + c + "/invoices", Map.of("invoiceId", "I-" + c,
                    "amount", 1234.56, "currency", "EUR", "issueDate", issued.toString(),
                    "dueDate", issued.plusDays(30).toString())).status()).isEqualTo(201);
            awaitOverdue(queries, "1234.56");

            // what an older version left: no sums, and no record of a layout
            views.getCollection("receivables_current").drop();
            views.getCollection("views_version").replaceOne(Filters.eq("_id", "views"),
                    new Document("_id", "views").append("version", 1), new ReplaceOptions().upsert(true));
        }

        try (CreditDeskStandalone second = RunningCreditDesk.start(dataDir)) {
            Api queries = new Api(second.queryPort());
            awaitOverdue(queries, "1234.56");
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> second.querySide().getBean(ViewsVersion.class).stored() == ViewsVersion.CURRENT);
            JsonNode projections = queries.get("admin", "/api/admin/projections").json();
            assertThat(projections.get(0).get("lastReplay").get("outcome").asText()).isEqualTo("COMPLETED");
        }
    }

    private static void awaitOverdue(Api queries, String amount) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
                () -> queries.get("credit1", "/api/views/finance").json(),
                view -> view.has("overdueTotal") && view.get("overdueTotal").decimalValue()
                        .compareTo(new java.math.BigDecimal(amount)) == 0
                        && view.get("ageing").get("d31to60").decimalValue().compareTo(new java.math.BigDecimal(amount)) == 0);
    }
}
