package com.creditdesk.standalone.support;

import com.creditdesk.standalone.CreditDeskStandalone;
import com.creditdesk.standalone.CreditDeskStandalone.Settings;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Credit Desk started as the standalone mode runs it (embedded store with H2 on disk, both sides,
 * demo users), on free ports. One instance serves all end-to-end tests of a JVM; tests use their
 * own customer ids so they do not see each other.
 */
public final class RunningCreditDesk {
    private static CreditDeskStandalone shared;

    private RunningCreditDesk() {
    }

    public static synchronized CreditDeskStandalone shared() {
        if (shared == null) {
            shared = start(tempDir());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** A client of the shared instance's command side. */
    public static Api commands() {
        return new Api(shared().commandPort());
    }

    /** A client of the shared instance's query side. */
    public static Api queries() {
        return new Api(shared().queryPort());
    }

    public static CreditDeskStandalone start(Path dataDir) {
        return CreditDeskStandalone.start(new Settings(dataDir, "127.0.0.1", 0, 0, 0, Map.of()));
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("creditdesk-e2e");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The position of the last event in the store (-1 when it is empty), whoever recorded it. */
    public static long headPosition(CreditDeskStandalone app) {
        TrackingToken head = app.commandSide().getBean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /** Events recorded for one account, read from the event store itself. */
    public static long eventCount(CreditDeskStandalone app, String customerId) {
        return app.commandSide().getBean(EventStore.class).readEvents(customerId).asStream().count();
    }
}
