package com.creditdesk.store.engine;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static com.creditdesk.store.engine.ConcurrentAppendTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ReplayAndRestartTest {

    private static final Duration PROCESSING = Duration.ofSeconds(15);

    @Test
    void aResetReplaysEveryEventOnceThroughATrackingProcessorAndThenGoesOnLive() {
        try (MongoTestServer server = MongoTestServer.inMemory()) {
            SequencedMongoEventStorageEngine engine =
                    SequencedMongoEventStorageEngine.builder().database(server.freshDatabase()).build();
            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            InMemoryTokenStore tokenStore = new InMemoryTokenStore();
            Projection projection = new Projection();
            Mailer mailer = new Mailer();
            TrackingEventProcessor processor =
                    TrackingEventProcessor.builder()
                                          .name("replayed")
                                          .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                                                                                        .eventHandlers(projection, mailer)
                                                                                        .build())
                                          .messageSource(eventStore)
                                          .tokenStore(tokenStore)
                                          .transactionManager(NoTransactionManager.INSTANCE)
                                          .build();
            try {
                processor.start();
                // published before the processor stored its first token, events would count as a first replay
                await().atMost(PROCESSING).until(() -> tokenStore.fetchSegments("replayed").length == 1);
                publish(eventStore, "first", 120);
                await().atMost(PROCESSING).until(() -> projection.live.size() == 120);

                processor.shutDown();
                processor.resetTokens();
                assertThat(tokenStore.fetchToken("replayed", 0)).isInstanceOf(ReplayToken.class);
                processor.start();
                await().atMost(PROCESSING).until(() -> projection.replayed.size() == 120);
                publish(eventStore, "second", 30);
                await().atMost(PROCESSING).until(() -> projection.live.size() == 150);

                assertThat(projection.replayed).containsExactlyElementsOf(projection.live.subList(0, 120));
                assertThat(projection.live).doesNotHaveDuplicates();
                assertThat(mailer.sent).as("@DisallowReplay handler").containsExactlyElementsOf(projection.live);
                assertThat(projection.resets).isEqualTo(1);
                TrackingToken token = tokenStore.fetchToken("replayed", 0);
                assertThat(token).as("the replay is over")
                                 .isEqualTo(GapAwareTrackingToken.newInstance(150, List.of()));
            } finally {
                processor.shutDown();
                eventStore.shutDown();
            }
        }
    }

    @Test
    void aNewEngineOverTheSameH2StoreContinuesTheNumberingAndReadersResume(@TempDir Path directory) {
        Path file = directory.resolve("events.mv");
        Serializer serializer = JacksonSerializer.defaultSerializer();
        SerializedObject<String> savedToken;
        List<String> beforeRestart;
        try (MongoTestServer server = MongoTestServer.h2(file)) {
            SequencedMongoEventStorageEngine engine = engineOn(server);
            IntStream.range(0, 5).forEach(i -> engine.appendEvents(event("a", 2L * i), event("a", 2L * i + 1)));
            IntStream.range(0, 5).forEach(i -> engine.appendEvents(event("b", i)));
            engine.storeSnapshot(event("a", 9));
            List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
            beforeRestart = read.stream().map(EventMessage::getIdentifier).toList();
            savedToken = serializer.serialize(read.get(9).trackingToken(), String.class);
        }

        try (MongoTestServer server = MongoTestServer.h2(file)) {
            SequencedMongoEventStorageEngine engine = engineOn(server);
            engine.appendEvents(event("b", 5));
            engine.appendEvents(event("c", 0));

            TrackingToken resumeFrom = serializer.deserialize(savedToken);
            List<? extends TrackedEventMessage<?>> resumed = engine.readEvents(resumeFrom, false).toList();
            assertThat(resumed).extracting(ConcurrentAppendTest::index)
                               .containsExactlyElementsOf(LongStream.rangeClosed(11, 17).boxed().toList());
            assertThat(resumed.subList(0, 5)).extracting(EventMessage::getIdentifier)
                                             .containsExactlyElementsOf(beforeRestart.subList(10, 15));

            assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);
            assertThat(engine.readEvents("a").asStream()).hasSize(10);
            assertThat(engine.lastSequenceNumberFor("b")).contains(5L);
            assertThat(engine.readSnapshot("a")).hasValueSatisfying(
                    snapshot -> assertThat(snapshot.getSequenceNumber()).isEqualTo(9));
        }
    }

    private static SequencedMongoEventStorageEngine engineOn(MongoTestServer server) {
        return SequencedMongoEventStorageEngine.builder().database(server.database("creditdesk")).build();
    }

    private static void publish(EmbeddedEventStore eventStore, String prefix, int count) {
        // several per commit, to cross commit boundaries in processor batches
        for (int i = 0; i < count; i += 3) {
            eventStore.publish(IntStream.range(i, Math.min(i + 3, count))
                                        .mapToObj(n -> GenericEventMessage.asEventMessage(prefix + "-" + n))
                                        .toList());
        }
    }

    static class Projection {

        final List<String> live = new CopyOnWriteArrayList<>();
        final List<String> replayed = new CopyOnWriteArrayList<>();
        volatile int resets;

        @EventHandler
        void on(String payload, ReplayStatus status) {
            (status.isReplay() ? replayed : live).add(payload);
        }

        @ResetHandler
        void reset() {
            resets++;
        }
    }

    @DisallowReplay
    static class Mailer {

        final List<String> sent = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(String payload) {
            sent.add(payload);
        }
    }
}
