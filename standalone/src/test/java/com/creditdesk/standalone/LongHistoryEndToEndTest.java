package com.creditdesk.standalone;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.AfterAll;
import org.springframework.context.Lifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store with a long history (100 000 events, ~1 KB each), on an instance of its own. The events are
 * appended through the command side's storage engine, exactly as commands store them but far faster;
 * both sides' processors are stopped first, because the export reads the store itself and
 * projecting 100 000 events is not what is tested here.
 */
class LongHistoryEndToEndTest {
    private static final int ACCOUNTS = 1_000;
    private static final int EVENTS_PER_ACCOUNT = 100;
    private static final String REASON = "Annual review: financials received, payment behaviour steady. ".repeat(12);

    private static final Instant START = Instant.now().minus(Duration.ofDays(400));

    private static CreditDeskStandalone app;
    private static Api queries;

    @BeforeAll
    static void fillTheStore() {
        app = RunningCreditDesk.start(RunningCreditDesk.tempDir());
        // no processor on either side reads the history meanwhile: only the export's memory is measured
        for (var side : List.of(app.querySide(), app.commandSide())) {
            side.getBean(EventProcessingConfiguration.class).eventProcessors().values()
                    .forEach(EventProcessor::shutDown);
        }
        // nor the live relay, whose processor of its own would wait on the stopped projections with the history in hand
        app.querySide().getBean("liveRelay", Lifecycle.class).stop();
        queries = new Api(app.queryPort());
        EventStorageEngine engine = app.commandSide().getBean(EventStorageEngine.class);
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int sequence = 0; sequence < EVENTS_PER_ACCOUNT; sequence++) {
            for (int account = 0; account < ACCOUNTS; account++) {
                Instant at = START.plusSeconds(60L * (sequence * ACCOUNTS + account));
                batch.add(event(customerId(account), sequence, at));
                if (batch.size() == 500) {
                    engine.appendEvents(batch);
                    batch.clear();
                }
            }
        }
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static String customerId(int account) {
        return String.format("LH-%04d", account);
    }

    private static EventMessage<?> event(String customerId, int sequence, Instant at) {
        Object payload = sequence == 0
                ? new AccountOpened(customerId, "Groothandel " + customerId, Segment.SMB, "EUR", "sales1",
                Language.nl, "erp", null)
                : new CreditLimitSet(customerId, BigDecimal.valueOf(1000L + sequence), LimitSource.ANALYST, REASON,
                null, BigDecimal.ZERO, BigDecimal.valueOf(1000L + sequence), "credit1");
        return new GenericDomainEventMessage<>("CustomerAccount", customerId, sequence, payload, Map.of(),
                UUID.randomUUID().toString(), at);
    }

    @Test
    void theWholeHistoryExportsLineByLineWithFlatMemory() throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = heapAfterGc(memory);
        long peak = baseline;
        long lines = 0;
        long lastPosition = -1;
        long bytes = 0;
        HttpResponse<InputStream> export = queries.stream("analyst1", "/api/events");
        assertThat(export.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines++;
                bytes += line.length() + 1;
                JsonNode event = Api.JSON.readTree(line);
                assertThat(event.get("position").asLong()).isGreaterThan(lastPosition);
                lastPosition = event.get("position").asLong();
                if (lines % 20_000 == 0) {
                    peak = Math.max(peak, heapAfterGc(memory));
                }
            }
        }
        assertThat(lines).isEqualTo((long) ACCOUNTS * EVENTS_PER_ACCOUNT);
        assertThat(bytes).as("the export is larger than the heap it may use").isGreaterThan(90L << 20);
        System.out.printf("export: %,d lines, %,d bytes, heap growth %,d bytes%n", lines, bytes, peak - baseline);
        assertThat(peak - baseline).as("heap growth while streaming %,d bytes", bytes).isLessThan(40L << 20);
    }

    @Test
    void aCustomersHistoryOfAPeriodComesOutAlone() {
        Instant from = START.plusSeconds(60L * 10 * ACCOUNTS); // the 10th to the 14th event of every account
        Instant to = from.plusSeconds(60L * 5 * ACCOUNTS);
        Api.Answer answer = queries.get("analyst1",
                "/api/events?customerId=" + customerId(7) + "&from=" + from + "&to=" + to);
        assertThat(answer.status()).isEqualTo(200);
        String[] lines = answer.body().strip().split("\n");
        assertThat(lines).hasSize(5);
        for (int i = 0; i < lines.length; i++) {
            JsonNode event = new Api.Answer(200, "application/json", lines[i]).json();
            assertThat(event.get("customerId").asText()).isEqualTo(customerId(7));
            assertThat(event.get("sequence").asInt()).isEqualTo(10 + i);
            assertThat(event.get("type").asText()).isEqualTo("CreditLimitSet");
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
