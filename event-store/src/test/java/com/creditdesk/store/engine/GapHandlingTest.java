package com.creditdesk.store.engine;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import static com.creditdesk.store.engine.ConcurrentAppendTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Global indexes are allocated before the commit is written, so readers meet numbers still in flight. These tests hold
 * a writer between allocation and insert to make that happen on purpose.
 */
class GapHandlingTest {

    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(60);

    private static MongoTestServer server;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private StallingEngine engine;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.inMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void releaseWriter() {
        if (engine != null) {
            engine.release.countDown();
        }
    }

    @Test
    void aNumberStillInFlightIsAGapThatIsDeliveredOnceWhenWritten() throws Exception {
        engine = engine(builder -> builder);
        Thread slow = engine.appendSlowly(event("late", 0));
        engine.appendEvents(event("early", 0));

        List<TrackedEventMessage<?>> first = read(null);
        assertThat(aggregates(first)).containsExactly("early");
        GapAwareTrackingToken afterEarly = tokenOf(first);
        assertThat(afterEarly.getIndex()).isEqualTo(2);
        assertThat(afterEarly.getGaps()).containsExactly(1L);
        assertThat(read(afterEarly)).as("nothing new while 1 is in flight").isEmpty();

        engine.release.countDown();
        slow.join(10_000);

        List<TrackedEventMessage<?>> second = read(afterEarly);
        assertThat(aggregates(second)).containsExactly("late");
        assertThat(tokenOf(second)).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of()));
        assertThat(read(tokenOf(second))).isEmpty();
        assertThat(aggregates(read(null))).as("a reader starting now sees global order").containsExactly("late", "early");
    }

    @Test
    void aHeadTokenKeepsNumbersInFlightBelowItAsGaps() throws Exception {
        engine = engine(builder -> builder);
        Thread slow = engine.appendSlowly(event("late", 0));
        engine.appendEvents(event("early", 0));

        TrackingToken head = engine.createHeadToken();
        assertThat(head).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of(1L)));

        engine.release.countDown();
        slow.join(10_000);
        assertThat(aggregates(read(head))).containsExactly("late");
    }

    @Test
    void aGapIsGivenUpOnceACommitWrittenAfterItIsOlderThanTheGapTimeout() throws Exception {
        engine = engine(builder -> builder.gapCleaningThreshold(0));
        Thread slow = engine.appendSlowly(event("late", 0));
        engine.appendEvents(event("early", 0));
        GapAwareTrackingToken afterEarly = tokenOf(read(null));
        assertThat(afterEarly.getGaps()).containsExactly(1L);

        clock.advance(GAP_TIMEOUT.plusSeconds(1));

        assertThat(tokenOf(read(null)).getGaps()).as("a reader arriving now").isEmpty();
        engine.appendEvents(event("next", 0));
        List<TrackedEventMessage<?>> next = read(afterEarly);
        assertThat(aggregates(next)).containsExactly("next");
        assertThat(tokenOf(next).getGaps()).as("cleaned from the token of the earlier reader").isEmpty();

        engine.release.countDown();
        slow.join(10_000);
        assertThat(read(tokenOf(next))).as("a writer stalled beyond the gap timeout is missed").isEmpty();
    }

    @Test
    void aGapFurtherBehindThanTheMaxGapOffsetIsGivenUp() {
        engine = engine(builder -> builder.maxGapOffset(3));
        engine.appendSlowly(event("late", 0));
        IntStream.rangeClosed(2, 6).forEach(i -> engine.appendEvents(event("e" + i, 0)));

        List<GapAwareTrackingToken> tokens = read(null).stream()
                                                       .map(event -> (GapAwareTrackingToken) event.trackingToken())
                                                       .toList();
        assertThat(tokens).extracting(GapAwareTrackingToken::getIndex).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(tokens.get(2).getGaps()).containsExactly(1L);
        assertThat(tokens.get(3).getGaps()).isEmpty();
    }

    @Test
    void numbersOfFailedAppendsDoNotStallAReaderEvenWhenTheyOutnumberABatch() {
        engine = engine(builder -> builder.batchSize(10).gapCleaningThreshold(10));
        engine.appendEvents(event("a", 0));
        GapAwareTrackingToken afterA = tokenOf(read(null));
        for (int attempt = 0; attempt < 25; attempt++) {
            assertThatThrownBy(() -> engine.appendEvents(event("a", 0)))
                    .isInstanceOf(AggregateStreamCreationException.class);
        }
        engine.appendEvents(event("b", 0));

        List<TrackedEventMessage<?>> afterFailures = read(afterA);
        assertThat(aggregates(afterFailures)).containsExactly("b");
        assertThat(tokenOf(afterFailures).getIndex()).isEqualTo(27);
        assertThat(tokenOf(afterFailures).getGaps()).hasSize(25);

        clock.advance(GAP_TIMEOUT.plusSeconds(1));
        engine.appendEvents(event("c", 0));
        List<TrackedEventMessage<?>> afterTimeout = read(tokenOf(afterFailures));
        assertThat(aggregates(afterTimeout)).containsExactly("c");
        assertThat(tokenOf(afterTimeout).getGaps()).as("more gaps than the threshold: cleaned").isEmpty();
    }

    @Test
    void aTokenInTheMiddleOfACommitContinuesWithTheRestOfIt() {
        engine = engine(builder -> builder);
        engine.appendEvents(IntStream.range(0, 5).mapToObj(seq -> event("bulk", seq)).toList());
        engine.appendEvents(event("after", 0));

        TrackingToken second = read(null).get(1).trackingToken();
        assertThat(read(second)).extracting(ConcurrentAppendTest::index).containsExactly(3L, 4L, 5L, 6L);
    }

    private StallingEngine engine(UnaryOperator<SequencedMongoEventStorageEngine.Builder> customization) {
        return new StallingEngine(customization.apply(SequencedMongoEventStorageEngine.builder()
                                                                                    .database(server.freshDatabase())
                                                                                    .gapTimeout(GAP_TIMEOUT)
                                                                                    .clock(clock)));
    }

    private List<TrackedEventMessage<?>> read(TrackingToken token) {
        return engine.readEvents(token, false).<TrackedEventMessage<?>>map(event -> event).toList();
    }

    private static List<String> aggregates(List<TrackedEventMessage<?>> events) {
        return events.stream().map(EventMessage::getPayload).map(payload -> ((String) payload).split("#")[0]).toList();
    }

    private static GapAwareTrackingToken tokenOf(List<TrackedEventMessage<?>> events) {
        return (GapAwareTrackingToken) events.get(events.size() - 1).trackingToken();
    }

    /** Holds a writer between allocating its global index and writing its commit, until released. */
    static class StallingEngine extends SequencedMongoEventStorageEngine {

        private static final String SLOW_WRITER = "slow-writer";

        final CountDownLatch allocated = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        StallingEngine(Builder builder) {
            super(builder);
        }

        @Override
        protected long allocateGlobalIndexes(int count) {
            long last = super.allocateGlobalIndexes(count);
            if (Thread.currentThread().getName().equals(SLOW_WRITER)) {
                allocated.countDown();
                await(release);
            }
            return last;
        }

        Thread appendSlowly(EventMessage<?> event) {
            Thread writer = new Thread(() -> appendEvents(event), SLOW_WRITER);
            writer.start();
            await(allocated);
            return writer;
        }

        private static void await(CountDownLatch latch) {
            try {
                assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
