package com.creditdesk.benchmarks;

import com.creditdesk.store.engine.SequencedMongoEventStorageEngine;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A micro-benchmark of the event storage engine alone (no application around it), moved here from the event
 * store's tests, where it measured and printed without asserting: append and load rates on an empty store and
 * after 20 000 events, to show that they do not depend on the size of the store, on mongo-java-server's memory and
 * H2 backends, next to Axon's {@link MongoEventStorageEngine} (fewer operations, as it slows down) for contrast.
 * Single runs; run it on a quiet machine: {@code java -jar credit-desk-benchmarks.jar --append-throughput}.
 */
final class AppendThroughput {

    private static final int OPERATIONS = 1_500;
    private static final int FILL = 20_000;
    private static final int FILL_COMMIT_SIZE = 100;

    private AppendThroughput() {
    }

    public static void main(String[] args) throws IOException {
        try (TestServer server = TestServer.inMemory()) {
            trackedRead(measure("memory", () -> sequencedEngine(server), OPERATIONS));
            measure("memory, Axon MongoEventStorageEngine", () -> axonEngine(server), OPERATIONS / 10);
        }
        Path directory = Files.createTempDirectory("creditdesk-append-throughput");
        try (TestServer server = TestServer.h2(directory.resolve("throughput.mv"))) {
            trackedRead(measure("h2", () -> sequencedEngine(server), OPERATIONS));
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static EventStorageEngine sequencedEngine(TestServer server) {
        return SequencedMongoEventStorageEngine.builder().database(server.freshDatabase()).build();
    }

    private static EventStorageEngine axonEngine(TestServer server) {
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
        if (!engine.lastSequenceNumberFor("fill" + (FILL - 1)).equals(java.util.Optional.of(0L))) {
            throw new IllegalStateException("the fill did not land: fill" + (FILL - 1) + " has no event 0");
        }
    }

    private static void warmUp(EventStorageEngine engine) {
        for (int i = 0; i < 1_000; i++) {
            engine.appendEvents(event("warm" + i, 0));
            engine.readEvents("warm" + i).asStream().count();
        }
    }

    private static DomainEventMessage<String> event(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Account", aggregate, sequenceNumber, aggregate + "#" + sequenceNumber);
    }

    private static double perSecond(long operations, long startNanos) {
        return operations * 1e9 / (System.nanoTime() - startNanos);
    }

    /** A mongo-java-server on a free loopback port, reached through the real driver over TCP. */
    private static final class TestServer implements AutoCloseable {
        private static final AtomicInteger DATABASES = new AtomicInteger();

        private final MongoServer server;
        private final MongoClient client;

        private TestServer(MongoBackend backend) {
            server = new MongoServer(backend);
            server.bind("127.0.0.1", 0);
            client = MongoClients.create(server.getConnectionString());
        }

        static TestServer inMemory() {
            return new TestServer(new MemoryBackend());
        }

        static TestServer h2(Path file) {
            return new TestServer(new H2Backend(file.toString()));
        }

        MongoDatabase freshDatabase() {
            return client.getDatabase("test" + DATABASES.incrementAndGet());
        }

        @Override
        public void close() {
            client.close();
            server.shutdownNow();
        }
    }
}
