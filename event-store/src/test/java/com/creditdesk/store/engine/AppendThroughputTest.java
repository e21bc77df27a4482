package com.creditdesk.store.engine;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static com.creditdesk.store.engine.ConcurrentAppendTest.event;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rough measurement, printed and not asserted: append and load rates on an empty store and after 20 000 events,
 * to show that they do not depend on the size of the store, next to Axon's {@link MongoEventStorageEngine} (fewer
 * operations, as it slows down) for contrast. Single runs on a shared machine; a proper benchmark is another job.
 */
class AppendThroughputTest {

    private static final int OPERATIONS = 1_500;
    private static final int FILL = 20_000;
    private static final int FILL_COMMIT_SIZE = 100;

    @Test
    void ratesStayFlatAsTheStoreGrowsOnTheMemoryBackend() {
        try (MongoTestServer server = MongoTestServer.inMemory()) {
            trackedRead(measure("memory", () -> sequencedEngine(server), OPERATIONS));
            measure("memory, Axon MongoEventStorageEngine", () -> axonEngine(server), OPERATIONS / 10);
        }
    }

    @Test
    void ratesStayFlatAsTheStoreGrowsOnTheH2Backend(@TempDir Path directory) {
        try (MongoTestServer server = MongoTestServer.h2(directory.resolve("throughput.mv"))) {
            trackedRead(measure("h2", () -> sequencedEngine(server), OPERATIONS));
        }
    }

    private static EventStorageEngine sequencedEngine(MongoTestServer server) {
        return SequencedMongoEventStorageEngine.builder().database(server.freshDatabase()).build();
    }

    private static EventStorageEngine axonEngine(MongoTestServer server) {
        return MongoEventStorageEngine.builder()
                                      .mongoTemplate(DefaultMongoTemplate.builder()
                                                                         .mongoDatabase(server.freshDatabase())
                                                                         .build())
                                      .eventSerializer(JacksonSerializer.defaultSerializer())
                                      .snapshotSerializer(JacksonSerializer.defaultSerializer())
                                      .build();
    }

    /** Warms the JIT up on a throw-away store, then measures on an empty one, fills it, and measures again. */
    private static EventStorageEngine measure(String name, Supplier<EventStorageEngine> engines, int operations) {
        warmUp(engines.get());
        EventStorageEngine engine = engines.get();
        Rates empty = rates(engine, "empty", operations);
        fill(engine);
        Rates grown = rates(engine, "grown", operations);
        System.out.printf("[throughput] %s, %d operations each%n", name, operations);
        System.out.printf("[throughput]   %-34s %8s -> %8s%n", "", "empty", "+20k");
        System.out.printf("[throughput]   %-34s %8.0f -> %8.0f /s%n",
                          "append, new aggregate (1 event)", empty.create(), grown.create());
        System.out.printf("[throughput]   %-34s %8.0f -> %8.0f /s%n",
                          "load aggregate + append 1 event", empty.loadAndAppend(), grown.loadAndAppend());
        return engine;
    }

    private static void trackedRead(EventStorageEngine engine) {
        long start = System.nanoTime();
        long read = engine.readEvents(null, false).count();
        System.out.printf("[throughput]   %-34s %8s    %8.0f events/s (%d events)%n",
                          "tracking read from the tail", "", perSecond(read, start), read);
    }

    private record Rates(double create, double loadAndAppend) {
    }

    private static Rates rates(EventStorageEngine engine, String prefix, int operations) {
        long start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            engine.appendEvents(event(prefix + i, 0));
        }
        double create = perSecond(operations, start);

        start = System.nanoTime();
        for (int i = 0; i < operations; i++) {
            List<? extends DomainEventMessage<?>> history = engine.readEvents(prefix + i).asStream().toList();
            engine.appendEvents(event(prefix + i, history.size()));
        }
        return new Rates(create, perSecond(operations, start));
    }

    private static void fill(EventStorageEngine engine) {
        for (int commit = 0; commit < FILL / FILL_COMMIT_SIZE; commit++) {
            int first = commit * FILL_COMMIT_SIZE;
            engine.appendEvents(IntStream.range(first, first + FILL_COMMIT_SIZE)
                                         .mapToObj(i -> event("fill" + i, 0))
                                         .toList());
        }
        assertThat(engine.lastSequenceNumberFor("fill" + (FILL - 1))).contains(0L);
    }

    private static void warmUp(EventStorageEngine engine) {
        for (int i = 0; i < 1_000; i++) {
            engine.appendEvents(event("warm" + i, 0));
            engine.readEvents("warm" + i).asStream().count();
        }
    }

    private static double perSecond(long operations, long startNanos) {
        return operations * 1e9 / (System.nanoTime() - startNanos);
    }
}
