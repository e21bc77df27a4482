package com.creditdesk.standalone;

import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator rebuilds the projections from the first event while the system keeps serving: on a
 * history of more than 10 000 events the rebuilt views equal the ones built live, and a command sent
 * during the rebuild is in the views that take over, once.
 */
class ProjectionReplayEndToEndTest {
    private static final List<String> VIEWS = List.of("accounts", "account_checkpoints", "timeline", "orders",
            "reviews", "invoices", "kpi_invoices", "kpi_orders", "kpi_signals");
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
        history(160);
    }

    @AfterAll
    static void stop() {
        store.close();
        app.close();
    }

    /** Per account: opening, limit, 30 orders (the last ones blocked), 10 invoices, 5 payments, a signal. */
    private static void history(int accounts) throws Exception {
        CommandGateway gateway = app.commandSide().getBean(CommandGateway.class);
        LocalDate day = LocalDate.now();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            int index = a;
            String c = "C-R" + a;
            done.add(writers.submit(() -> {
                gateway.sendAndWait(new OpenAccount(c, "Groothandel " + c, Segment.values()[index % 3], "EUR",
                        index % 2 == 0 ? "sales1" : "sales2", Language.nl, "erp", null));
                gateway.sendAndWait(new SetCreditLimit(c, new BigDecimal("25000"), LimitSource.ANALYST, "start", null,
                        "credit1"));
                for (int o = 0; o < 30; o++) {
                    gateway.sendAndWait(new PlaceOrder(c, c + "-O" + o, new BigDecimal("1000.50"), "EUR", null, "erp"));
                }
                for (int i = 0; i < 10; i++) {
                    gateway.sendAndWait(new IssueInvoice(c, c + "-I" + i, c + "-O" + i, new BigDecimal("1000.50"), "EUR",
                            day.minusDays(20), null, "erp"));
                }
                for (int p = 0; p < 5; p++) {
                    gateway.sendAndWait(new RegisterPayment(c, c + "-P" + p, new BigDecimal("700"), "EUR", day, null,
                            "erp"));
                }
                gateway.sendAndWait(new ReportSalesSignal(c, c + "-S", SignalCategory.WAREHOUSE_INACTIVE,
                        Severity.LOW, "quiet warehouse", day, "sales1"));
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        writers.shutdown();
    }

    @Test
    void aRebuildEqualsTheLiveViewsAndTakesOverWhileServing() {
        long events = app.commandSide().getBean(EventStore.class).createHeadToken().position().orElseThrow() + 1;
        assertThat(events).as("events in the store").isGreaterThanOrEqualTo(10_000);
        awaitCaughtUp();
        Map<String, List<String>> live = views();
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
        assertThat(views()).as("the rebuilt views equal the live ones").isEqualTo(live);
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
        return queries.get("admin", "/api/admin/projections").json().get(0);
    }

    private static void awaitCaughtUp() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> status().get("lag").asLong() == 0 && status().get("status").asText().equals("RUNNING"));
    }

    private static Map<String, List<String>> views() {
        MongoDatabase database = store.getDatabase("creditdesk");
        Map<String, List<String>> views = new LinkedHashMap<>();
        for (String name : VIEWS) {
            views.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id")).map(Document::toJson)
                    .into(new ArrayList<>()));
        }
        return views;
    }
}
