package com.creditdesk.platform.clock;

import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditDeskClockTest {
    private EmbeddedMongo store;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void start() {
        store = EmbeddedMongo.inMemory();
        client = MongoClients.create(store.connectionString());
        database = client.getDatabase("creditdesk");
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void anEmptyStoreLetsTheClockStartAYearBackAndMoveForwardFromThere() {
        SteppedClock system = new SteppedClock(Instant.now());
        CreditDeskClock clock = new CreditDeskClock(system, database, true);
        // in whole milliseconds, as the clock keeps time: the system clock stands still until it is moved on
        Instant yearAgo = Instant.now().minus(Duration.ofDays(365)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        clock.startHistoryAt(yearAgo);
        assertThat(clock.instant()).isBetween(yearAgo, yearAgo.plusSeconds(5));
        system.advance(CreditDeskClock.REFRESH.plusMillis(200)); // the next reading refreshes from the store
        assertThat(clock.instant()).isBetween(yearAgo, yearAgo.plusSeconds(5));
        assertThat(new CreditDeskClock(system, database, true).instant())
                .as("a clock started later on the same store").isBetween(yearAgo, yearAgo.plusSeconds(5));
        clock.moveTo(yearAgo.plus(Duration.ofDays(30)));
        assertThat(clock.instant()).isAfterOrEqualTo(yearAgo.plus(Duration.ofDays(30)));
    }

    @Test
    void aRefreshFromTheStoreNeverUndoesAMoveMadeMeanwhile() throws Exception {
        CreditDeskClock clock = new CreditDeskClock(Clock.systemUTC(), database, true);
        AtomicReference<Instant> moved = new AtomicReference<>(clock.instant());
        AtomicReference<String> wentBack = new AtomicReference<>();
        long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
        Thread reader = new Thread(() -> {
            while (System.nanoTime() < until && wentBack.get() == null) {
                Instant floor = moved.get();
                Instant now = clock.instant(); // refreshes from the store every second, while the mover moves it
                if (now.isBefore(floor)) {
                    wentBack.set(now + " after a move to " + floor);
                }
            }
        });
        reader.start();
        while (System.nanoTime() < until) {
            moved.set(clock.moveTo(moved.get().plus(Duration.ofHours(1))));
        }
        reader.join();
        assertThat(wentBack.get()).isNull();
    }

    /** A system clock that stands still until the test moves it on. */
    private static final class SteppedClock extends Clock {
        private volatile Instant now;

        SteppedClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void onceAnEventIsRecordedTheClockCanNoLongerBeSetBack() {
        database.getCollection("events").insertOne(new Document("_id", 1L));
        CreditDeskClock clock = new CreditDeskClock(Clock.systemUTC(), database, true);
        assertThatThrownBy(() -> clock.startHistoryAt(Instant.now().minus(Duration.ofDays(365))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("events are recorded already");
    }

    @Test
    void aClockThatIsNotAdjustableIsNeverSetBack() {
        CreditDeskClock clock = new CreditDeskClock(Clock.systemUTC(), database, false);
        assertThatThrownBy(() -> clock.startHistoryAt(Instant.now().minus(Duration.ofDays(365))))
                .isInstanceOf(IllegalStateException.class);
    }
}
