package com.creditdesk.store.engine;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A mongo-java-server on a free loopback port, reached through the real driver over TCP. */
final class MongoTestServer implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final MongoServer server;
    private final MongoClient client;

    private MongoTestServer(MongoBackend backend) {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(server.getConnectionString());
    }

    static MongoTestServer inMemory() {
        return new MongoTestServer(new MemoryBackend());
    }

    /** Backed by an H2 MVStore file that survives {@link #close()}. */
    static MongoTestServer h2(Path file) {
        return new MongoTestServer(new H2Backend(file.toString()));
    }

    MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    MongoDatabase freshDatabase() {
        return database("test" + DATABASES.incrementAndGet());
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
