package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.ProjectedViews;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.creditdesk.standalone.support.SampleHistory;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator rebuilds the projections from the first event while the system keeps serving: on a
 * history of more than 10 000 events the rebuilt views equal the ones built live, and a command sent
 * during the rebuild is in the views that take over, once.
 */
class ProjectionReplayEndToEndTest {
    private static CreditDeskStandalone app;
    private static MongoClient store;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void start() throws Exception {
        app = RunningCreditDesk.start(RunningCreditDesk.tempDir());
        store = MongoClients.create(app.storeConnectionString());
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
        SampleHistory.write(app.commandSide().getBean(CommandGateway.class), "C-R", 160);
        applicationsAndRiskClasses();
    }

    /** Two credit applications decided (one opens its account) and two risk classes set: the KPIs' lifecycle facts. */
    private static void applicationsAndRiskClasses() {
        for (String decision : List.of("APPROVE", "DECLINE")) {
            String a = "A-R-" + decision;
            assertThat(commands.post("sales1", "/api/applications", Map.of("applicationId", a, "customerId", "C-RA-"
                    + decision, "prospectName", "Prospect " + decision, "segment", "SMB", "currency", "EUR",
                    "language", "nl", "requestedLimit", 20000, "expectedMonthlyVolume", 5000, "requestedTermDays", 30,
                    "visit", Map.of("premises", "GOOD", "activity", "GOOD", "staff", "GOOD",
                            "paymentReputation", "GOOD"))).status()).isEqualTo(201);
            assertThat(commands.post("credit1", "/api/applications/" + a + "/screening", Map.of("identityChecked", true,
                    "vatNumberChecked", true, "annualAccountsRead", true, "insurerCoverAsked", true,
                    "externalRating", "A2", "externalScore", 80, "equityRatio", 0.30, "yearsInBusiness", 6))
                    .status()).isEqualTo(200);
            assertThat(commands.post("credit1", "/api/applications/" + a + "/decision", Map.of("decision", decision,
                    "limit", 20000, "note", "decided")).status()).isEqualTo(200);
        }
        for (String c : List.of("C-R3", "C-R5")) {
            assertThat(commands.put("credit1", "/api/accounts/" + c + "/risk-class",
                    Map.of("riskClass", "HIGH", "reason", "watch closely")).status()).isEqualTo(200);
        }
        // a group and a statement's lines waiting for credit: their views are rebuilt too
        assertThat(commands.put("credit1", "/api/groups/G-R", Map.of("name", "Groep R", "limit", 50000,
                "currency", "EUR", "reason", "consolidated")).status()).isEqualTo(200);
        for (String member : List.of("C-R3", "C-R5")) {
            assertThat(commands.put("credit1", "/api/groups/G-R/members/" + member, Map.of("currency", "EUR"))
                    .status()).isEqualTo(200);
        }
        Answer imported = commands.send("erp", "POST", "/api/bank-statements", BankStatementEndToEndTest.camt(
                "statement.xml", Map.of("STATEMENT", "S-R", "OGM_1", "999999999948", "INVOICE_2", "NONE-R",
                        "IBAN_PEETERS", "BE71096123456769", "IBAN_HOLDING", "BE68539007547034",
                        "IBAN_UNKNOWN", "BE62510007547061")), "application/xml");
        assertThat(imported.json().get("awaitingAssignment").asInt()).as(imported.toString()).isEqualTo(4);
    }

    @AfterAll
    static void stop() {
        store.close();
        app.close();
    }

    @Test
    void aRebuildEqualsTheLiveViewsAndTakesOverWhileServing() {
        long events = app.commandSide().getBean(EventStore.class).createHeadToken().position().orElseThrow() + 1;
        assertThat(events).as("events in the store").isGreaterThanOrEqualTo(10_000);
        awaitCaughtUp();
        Map<String, List<String>> live = views();
        assertThat(live.get("kpi_applications")).hasSize(2);
        assertThat(live.get("kpi_application_decisions")).isNotEmpty();
        assertThat(live.get("kpi_reviews")).as("C-R3, C-R5 and the approved application's account").hasSize(3);
        assertThat(live.get("applications")).hasSize(2);
        assertThat(live.get("groups")).hasSize(1);
        assertThat(live.get("bank_lines")).hasSize(4);
        // lost views, as a rebuild is there to repair: they come back from the events
        for (String lost : List.of("applications", "groups", "bank_lines")) {
            store.getDatabase("creditdesk").getCollection(lost).deleteMany(new org.bson.Document());
        }
        String c = "C-R7";
        BigDecimal exposure = queries.get("credit1", "/api/accounts/" + c).json().get("exposure").decimalValue();

        Answer started = queries.post("admin", "/api/admin/projections/projections/replay", Map.of());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(queries.post("admin", "/api/admin/projections/projections/replay", Map.of()).status())
                .as("one rebuild at a time").isEqualTo(409);
        JsonNode replaying = status();
        assertThat(replaying.get("status").asText()).isEqualTo("REPLAYING");
        assertThat(replaying.get("replay").get("startedAt").asText()).isNotBlank();
        Answer served = queries.get("credit1", "/api/accounts/" + c);
        assertThat(served.status()).as("the live views keep serving").isEqualTo(200);
        assertThat(served.json().get("exposure").decimalValue()).isEqualByComparingTo(exposure);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> status().get("status").asText().equals("RUNNING"));
        awaitCaughtUp();
        Map<String, List<String>> rebuilt = views();
        live.forEach((collection, documents) -> assertThat(rebuilt.get(collection))
                .as("the rebuilt %s equal the live ones", collection).containsExactlyElementsOf(documents));
        assertThat(store.getDatabase("creditdesk").listCollectionNames().into(new ArrayList<>()))
                .noneMatch(name -> name.endsWith("_rebuild"));
    }

    @Test
    void aCommandDuringTheRebuildIsInTheViewsThatTakeOverOnce() {
        String c = "C-R11";
        awaitCaughtUp();
        BigDecimal before = queries.get("credit1", "/api/accounts/" + c).json().get("exposure").decimalValue();
        assertThat(queries.post("admin", "/api/admin/projections/projections/replay", Map.of()).status())
                .isEqualTo(202);
        Answer order = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", c + "-during", "amount", 10, "currency", "EUR"));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> status().get("status").asText().equals("RUNNING"));
        awaitCaughtUp();
        JsonNode account = queries.get("credit1", "/api/accounts/" + c).json();
        BigDecimal expected = before.add(order.json().get("status").asText().equals("ACCEPTED")
                ? BigDecimal.TEN : BigDecimal.ZERO);
        assertThat(account.get("exposure").decimalValue()).isEqualByComparingTo(expected);
        JsonNode timeline = queries.get("credit1", "/api/accounts/" + c + "/timeline?size=500").json();
        long entries = IntStream.range(0, timeline.get("entries").size())
                .filter(i -> timeline.get("entries").get(i).toString().contains(c + "-during")).count();
        assertThat(entries).as("timeline entries of the order placed during the rebuild").isEqualTo(
                order.json().get("status").asText().equals("ACCEPTED") ? 1 : 2);
    }

    private static JsonNode status() {
        return ProjectedViews.status(queries);
    }

    private static void awaitCaughtUp() {
        ProjectedViews.awaitCaughtUp(queries, Duration.ofMinutes(2));
    }

    private static Map<String, List<String>> views() {
        return ProjectedViews.read(store.getDatabase("creditdesk"));
    }
}
