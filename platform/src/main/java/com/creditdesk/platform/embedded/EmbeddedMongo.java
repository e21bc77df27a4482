package com.creditdesk.platform.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded store: mongo-java-server speaking MongoDB's wire protocol on a TCP port, so the apps
 * use the real driver exactly as against a real MongoDB. With a data folder it persists to an H2
 * MVStore file there; without one it keeps everything in memory.
 */
public final class EmbeddedMongo implements AutoCloseable {
    /** The servers running in this JVM, by connection string: where a library needs to know it talks to one. */
    private static final Set<String> RUNNING = ConcurrentHashMap.newKeySet();

    private final MongoServer server;
    private final InetSocketAddress address;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Starts on {@code host:port} (port 0 picks a free one), persisting under {@code dataDir} if given. */
    public static EmbeddedMongo start(String host, int port, Path dataDir) {
        MongoBackend backend = dataDir == null ? new MemoryBackend() : new RenamingH2Backend(storeFile(dataDir));
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);
        EmbeddedMongo embedded = new EmbeddedMongo(server, server.getLocalAddress());
        RUNNING.add(embedded.connectionString());
        return embedded;
    }

    /** Whether {@code uri} names an embedded server started in this JVM (the standalone mode, tests, benchmarks). */
    public static boolean serves(String uri) {
        return RUNNING.stream().anyMatch(running -> uri.equals(running) || uri.startsWith(running + "/")
                || uri.startsWith(running + "?"));
    }

    public static EmbeddedMongo inMemory() {
        return start("127.0.0.1", 0, null);
    }

    private static String storeFile(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
        return dataDir.resolve("creditdesk.mv").toAbsolutePath().toString();
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        RUNNING.remove(connectionString());
        server.shutdown(); // closes the H2 file cleanly
    }
}
