package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.EventStreamReader;
import com.creditdesk.standalone.support.EventStreamReader.Event;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import static com.creditdesk.standalone.BadInputEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live views (server-sent events), the KPIs and the projections' status, over HTTP. */
class LiveViewsEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static CreditDeskStandalone app;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void start() {
        app = RunningCreditDesk.shared();
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
    }

    /** An account with a limit of 10 000, once the query side shows it. */
    private static String accountWithLimit() {
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        await().atMost(WAIT).until(() -> {
            Answer view = queries.get("sales1", "/api/accounts/" + c);
            return view.status() == 200 && view.json().get("effectiveLimit").decimalValue().signum() > 0;
        });
        return c;
    }

    private static EventStreamReader subscribe(String user, String path) {
        HttpResponse<InputStream> response = queries.stream(user, path);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return new EventStreamReader(response);
    }

    @Test
    void anAccountStreamShowsTheViewThenEachChangeAndKeepsTheConnectionAlive() {
        String c = accountWithLimit();
        try (EventStreamReader stream = subscribe("sales1", "/api/stream/accounts/" + c)) {
            Event current = stream.next(WAIT);
            assertThat(current.name()).isEqualTo("account");
            assertThat(current.data().get("customerId").asText()).isEqualTo(c);

            long sent = System.nanoTime();
            Answer order = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-1", "amount", 2500, "currency", "EUR"));
            assertThat(order.status()).isEqualTo(201);
            JsonNode changed = untilExposure(stream, "2500");
            System.out.printf("SSE: command to account update %.1f ms%n",
                    (System.nanoTime() - sent) / 1e6);
            assertThat(changed.get("availableCredit").decimalValue()).isEqualByComparingTo("7500");

            Event heartbeat = stream.nextComment(Duration.ofSeconds(16));
            assertThat(heartbeat).as("a heartbeat comment within 15 s").isNotNull();
        }
    }

    private static JsonNode untilExposure(EventStreamReader stream, String exposure) {
        for (Event event = stream.next(WAIT); event != null; event = stream.next(WAIT)) {
            if (event.data().get("exposure").decimalValue().compareTo(new java.math.BigDecimal(exposure)) == 0) {
                return event.data();
            }
        }
        throw new AssertionError("no account update with exposure " + exposure);
    }

    /** Follows one stream without a thread of its own: counts the events that arrive. */
    private static final class CountingSubscriber implements Flow.Subscriber<String> {
        final CountDownLatch current;
        final CountDownLatch changed;
        volatile Flow.Subscription subscription;
        int events;

        CountingSubscriber(CountDownLatch current, CountDownLatch changed) {
            this.current = current;
            this.changed = changed;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("data:")) {
                (++events == 1 ? current : changed).countDown();
            }
        }

        @Override
        public void onError(Throwable error) {
            // cancelled by the test
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void fiveHundredSubscribersAllGetTheChangeAndLeaveNothingBehindWhenTheyGo() throws Exception {
        String c = accountWithLimit();
        QueryUpdateEmitter emitter = app.querySide().getBean(QueryUpdateEmitter.class);
        int subscriptionsBefore = emitter.activeSubscriptions().size();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.queryPort() + "/api/stream/accounts/" + c))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("sales1:sales1".getBytes()))
                .build();
        CountDownLatch current = new CountDownLatch(500);
        CountDownLatch changed = new CountDownLatch(500);
        List<CountingSubscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            CountingSubscriber subscriber = new CountingSubscriber(current, changed);
            subscribers.add(subscriber);
            client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(subscriber));
        }
        assertThat(current.await(60, TimeUnit.SECONDS)).as("500 subscribers got the current view").isTrue();
        assertThat(emitter.activeSubscriptions()).hasSize(subscriptionsBefore + 500);

        long sent = System.nanoTime();
        Answer order = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", "O-" + c + "-500", "amount", 100, "currency", "EUR"));
        assertThat(order.status()).isEqualTo(201);
        assertThat(changed.await(60, TimeUnit.SECONDS)).as("all 500 got the change").isTrue();
        System.out.printf("SSE: one change to 500 subscribers in %.1f ms%n", (System.nanoTime() - sent) / 1e6);

        subscribers.forEach(subscriber -> subscriber.subscription.cancel());
        await().atMost(WAIT).until(() -> emitter.activeSubscriptions().size() == subscriptionsBefore);
        memory.gc();
        assertThat(memory.getHeapMemoryUsage().getUsed() - heapBefore).as("heap left behind by 500 subscribers")
                .isLessThan(30L << 20);
    }

    @Test
    void theWorklistsStreamTheirViewAgainWhenSomethingOfTheirsChanges() {
        String c = accountWithLimit();
        try (EventStreamReader sales = subscribe("sales1", "/api/stream/views/sales?accountManager=sales1");
             EventStreamReader finance = subscribe("credit1", "/api/stream/views/finance")) {
            assertThat(sales.next(WAIT).name()).isEqualTo("sales");
            assertThat(finance.next(WAIT).name()).isEqualTo("finance");

            Answer blocked = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-big", "amount", 20000, "currency", "EUR"));
            assertThat(blocked.json().get("status").asText()).isEqualTo("BLOCKED");
            assertThat(untilBlockedOrder(sales, "O-" + c + "-big")).as("the sales worklist shows the blocked order")
                    .isTrue();
            Answer request = commands.post("sales1", "/api/accounts/" + c + "/orders/O-" + c + "-big/release-requests",
                    Map.of("justification", "long-standing customer", "proposedMeasure", "PARTIAL_DELIVERY"));
            assertThat(request.status()).as(request.toString()).isEqualTo(202);
            boolean seen = false;
            for (Event event = finance.next(WAIT); event != null && !seen; event = finance.next(WAIT)) {
                seen = event.data().get("releaseRequests").toString().contains("O-" + c + "-big");
            }
            assertThat(seen).as("finance sees the release request").isTrue();
        }
    }

    private static boolean untilBlockedOrder(EventStreamReader stream, String orderId) {
        for (Event event = stream.next(WAIT); event != null; event = stream.next(WAIT)) {
            if (event.data().get("blockedOrders").toString().contains(orderId)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void streamsKeepToTheRolesAndKnownAccounts() {
        assertThat(queries.stream("sales1", "/api/stream/views/finance").statusCode()).isEqualTo(403);
        assertThat(queries.stream("credit1", "/api/stream/views/sales?accountManager=sales1").statusCode())
                .isEqualTo(403);
        assertThat(queries.stream(null, "/api/stream/accounts/C-x").statusCode()).isEqualTo(401);
        assertThat(queries.stream("sales1", "/api/stream/accounts/C-nobody").statusCode()).isEqualTo(404);
    }

    @Test
    void kpisForAPeriodAreForCreditAndAnalystsAndRefuseABadPeriod() {
        Answer kpis = queries.get("analyst1", "/api/kpis?from=2026-01-01&to=2027-01-01");
        assertThat(kpis.status()).as(kpis.toString()).isEqualTo(200);
        for (String field : new String[] {"dso", "cei", "blockedOrderShare", "medianReleaseDecisionHours", "signals",
                "applications", "periodicReviews"}) {
            assertThat(kpis.json().has(field)).as(field).isTrue();
        }
        assertThat(queries.get("credit1", "/api/kpis").status()).isEqualTo(200);
        assertThat(queries.get("sales1", "/api/kpis").status()).isEqualTo(403);
        assertProblem(queries.get("analyst1", "/api/kpis?from=2026-06-01&to=2026-01-01"), 400);
        assertProblem(queries.get("analyst1", "/api/kpis?from=yesterday"), 400);
    }

    @Test
    void theOperatorSeesEachProjectionProcessorAndItsLag() {
        accountWithLimit();
        Answer answer = queries.get("admin", "/api/admin/projections");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode projections = answer.json().get(0);
        assertThat(projections.get("name").asText()).isEqualTo("projections");
        assertThat(projections.get("status").asText()).isEqualTo("RUNNING");
        assertThat(projections.get("headPosition").asLong()).isGreaterThan(0);
        assertThat(projections.get("lag").asLong()).isBetween(0L, projections.get("headPosition").asLong());
        assertThat(queries.get("credit1", "/api/admin/projections").status()).isEqualTo(403);
    }

    @Test
    void prometheusShowsCommandLatencyAndTheProcessorsLag() {
        accountWithLimit();
        assertThat(commands.get("admin", "/actuator/prometheus").body()).contains("commandBus_allTimer_seconds_count");
        assertThat(queries.get("admin", "/actuator/prometheus").body())
                .contains("projections_latency", "projections_processedCounter_total");
    }
}
