package com.creditdesk.platform.clock;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one clock of the system: commands, event timestamps, deadlines and projections all read it.
 * Where {@code creditdesk.clock.adjustable=true} it can be moved forward; the offset is kept in the
 * store, so both sides agree on the time and a restart never moves the clock back.
 */
public class CreditDeskClock extends Clock {
    static final String SETTINGS = "settings";
    private static final String CLOCK_ID = "clock";
    /** How often a reading of the clock looks for a move made elsewhere (another process on the same store). */
    static final Duration REFRESH = Duration.ofSeconds(1);
    /** The event store's collection (the name {@code SequencedMongoEventStorageEngine} uses). */
    private static final String EVENTS = "events";

    private final Clock system;
    private final MongoCollection<Document> settings;
    private final MongoCollection<Document> events;
    private final boolean adjustable;
    /** Only ever raised by the refresh from the store (an atomic maximum), so a move made meanwhile is never undone. */
    private final AtomicLong offsetMillis = new AtomicLong();
    private volatile long refreshedAt;
    private Clock replacedMessageClock;

    public CreditDeskClock(Clock system, MongoDatabase database, boolean adjustable) {
        this.system = system;
        this.settings = database.getCollection(SETTINGS);
        this.events = database.getCollection(EVENTS);
        this.adjustable = adjustable;
        this.offsetMillis.set(adjustable ? loadOffset() : 0);
        this.refreshedAt = system.millis();
    }

    /**
     * Creates the clock and points Axon's static message clock (the timestamps of events) at it. The
     * static is one per JVM: {@link #uninstall()} gives it back to the clock it replaced, so where
     * several instances share a JVM (the tests) a closed one does not go on stamping the others' events.
     */
    public static CreditDeskClock install(MongoDatabase database, boolean adjustable) {
        CreditDeskClock clock = new CreditDeskClock(Clock.systemUTC(), database, adjustable);
        clock.replacedMessageClock = GenericEventMessage.clock;
        GenericEventMessage.clock = clock;
        return clock;
    }

    public void uninstall() {
        if (GenericEventMessage.clock == this) {
            GenericEventMessage.clock = replacedMessageClock;
        }
    }

    public boolean adjustable() {
        return adjustable;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public long millis() {
        long now = system.millis();
        if (adjustable && now - refreshedAt > REFRESH.toMillis()) {
            refreshedAt = now;
            try {
                long stored = loadOffset();
                offsetMillis.accumulateAndGet(stored, Math::max); // another process may have moved it
            } catch (RuntimeException storeUnreachable) {
                // keep the offset last read: time goes on while the store is away
            }
        }
        return now + offsetMillis.get();
    }

    /** Jumps to {@code target} and keeps running from there. Only forward. */
    public synchronized Instant moveTo(Instant target) {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable here");
        }
        Instant now = instant();
        if (target.isBefore(now)) {
            throw new ClockCannotGoBack(now, target);
        }
        setTo(target);
        return target;
    }

    /**
     * Sets the clock back to {@code start}, so that a history can be recorded day by day as it happened (the demo
     * portfolio), after which {@link #moveTo} brings it forward again. Only while nothing is recorded: once an event
     * is, time only moves forward. Other clocks on this store read the offset when they are created (they only
     * follow it forward afterwards), so call this before the sides start.
     */
    public synchronized Instant startHistoryAt(Instant start) {
        if (!adjustable) {
            throw new IllegalStateException("the clock is not adjustable here");
        }
        if (!nothingRecorded()) {
            throw new IllegalStateException("events are recorded already: the clock can no longer be set back");
        }
        setTo(start);
        return start;
    }

    /** Whether the event store is still empty. */
    public boolean nothingRecorded() {
        return events.find().limit(1).first() == null;
    }

    private void setTo(Instant target) {
        long offset = target.toEpochMilli() - system.millis();
        settings.replaceOne(Filters.eq("_id", CLOCK_ID), new Document("_id", CLOCK_ID).append("offsetMillis", offset),
                new ReplaceOptions().upsert(true));
        offsetMillis.set(offset);
    }

    private long loadOffset() {
        Document stored = settings.find(Filters.eq("_id", CLOCK_ID)).first();
        return stored == null ? 0 : stored.getLong("offsetMillis");
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Credit Desk keeps time in UTC");
    }

    /** A request to move the clock back in time. */
    public static class ClockCannotGoBack extends RuntimeException {
        public ClockCannotGoBack(Instant now, Instant target) {
            super("the clock only moves forward: it is " + now + ", " + target + " lies before");
        }
    }
}
