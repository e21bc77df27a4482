package com.creditdesk.store.engine;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentAppendTest {

    private static final int THREADS = 4;

    private static MongoTestServer server;

    private SequencedMongoEventStorageEngine engine;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.inMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        engine = SequencedMongoEventStorageEngine.builder().database(server.freshDatabase()).build();
    }

    @Test
    void appendsOfDistinctAggregatesFromSeveralThreadsAllLandOnceInGlobalOrder() throws Exception {
        int commitsPerThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> writers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            String prefix = "t" + thread + "-";
            writers.add(pool.submit(() -> {
                for (int i = 0; i < commitsPerThread; i++) {
                    // every fourth commit holds three events, to mix block sizes
                    String aggregate = prefix + i;
                    engine.appendEvents(IntStream.range(0, i % 4 == 0 ? 3 : 1)
                                                 .mapToObj(seq -> event(aggregate, seq))
                                                 .toList());
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int expected = THREADS * (commitsPerThread / 4 * 3 + commitsPerThread * 3 / 4);
        List<? extends TrackedEventMessage<?>> read = engine.readEvents(null, false).toList();
        assertThat(read).hasSize(expected);
        assertThat(read.stream().map(EventMessage::getIdentifier).distinct()).hasSize(expected);
        List<Long> indexes = read.stream().map(event -> index(event)).toList();
        assertThat(indexes).isSorted().doesNotHaveDuplicates();
        GapAwareTrackingToken last = (GapAwareTrackingToken) read.get(read.size() - 1).trackingToken();
        assertThat(last.getGaps()).isEmpty();
        assertThat(last.getIndex()).isEqualTo(expected);
    }

    @Test
    void racingAppendsOfOneAggregateHaveExactlyOneWinnerPerSequenceNumber() throws Exception {
        int rounds = 40;
        String aggregate = "contested";
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ConcurrentLinkedQueue<String> winners = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> losers = new ConcurrentLinkedQueue<>();
        AtomicInteger creationConflicts = new AtomicInteger();
        AtomicInteger concurrencyConflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> writers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            writers.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    // each contender commits two events, 2r and 2r+1: a loser must leave neither behind
                    List<DomainEventMessage<?>> commit = List.of(event(aggregate, 2L * round),
                                                                 event(aggregate, 2L * round + 1));
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        engine.appendEvents(commit);
                        winners.add(commit.get(0).getIdentifier());
                        winners.add(commit.get(1).getIdentifier());
                    } catch (AggregateStreamCreationException e) {
                        creationConflicts.incrementAndGet();
                        commit.forEach(event -> losers.add(event.getIdentifier()));
                    } catch (ConcurrencyException e) {
                        concurrencyConflicts.incrementAndGet();
                        commit.forEach(event -> losers.add(event.getIdentifier()));
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(winners).hasSize(2 * rounds);
        assertThat(creationConflicts).hasValue(THREADS - 1);
        assertThat(concurrencyConflicts).hasValue((rounds - 1) * (THREADS - 1));

        List<Long> sequenceNumbers = engine.readEvents(aggregate).asStream()
                                           .map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(sequenceNumbers).containsExactlyElementsOf(
                IntStream.range(0, 2 * rounds).mapToObj(Long::valueOf).toList());
        assertThat(engine.lastSequenceNumberFor(aggregate)).contains(2L * rounds - 1);

        List<String> stored = engine.readEvents(null, false).map(EventMessage::getIdentifier).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(winners);
        Set<String> leftBehind = new HashSet<>(stored);
        leftBehind.retainAll(losers);
        assertThat(leftBehind).as("events of losing commits").isEmpty();
    }

    @Test
    void aConflictInTheMiddleOfACommitRejectsTheWholeCommit() {
        engine.appendEvents(event("a", 0), event("a", 1));
        List<DomainEventMessage<?>> commit = List.of(event("b", 0), event("a", 1), event("c", 0));

        // reported for the event that collided (a at 1), not for the first event of the commit (b at 0)
        assertThatThrownBy(() -> engine.appendEvents(commit))
                .isInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("aggregate [a] at sequence [1]");

        assertThat(engine.readEvents("b").asStream()).isEmpty();
        assertThat(engine.readEvents("c").asStream()).isEmpty();
        assertThat(engine.readEvents(null, false).map(EventMessage::getIdentifier).toList())
                .doesNotContainAnyElementsOf(commit.stream().map(EventMessage::getIdentifier).toList());
        assertThat(Collections.frequency(engine.readEvents("a").asStream()
                                               .map(DomainEventMessage::getSequenceNumber).toList(), 1L))
                .isEqualTo(1);
    }

    static DomainEventMessage<String> event(String aggregate, long sequenceNumber) {
        return new GenericDomainEventMessage<>("Account", aggregate, sequenceNumber,
                                               aggregate + "#" + sequenceNumber);
    }

    static long index(TrackedEventMessage<?> event) {
        return ((GapAwareTrackingToken) event.trackingToken()).getIndex();
    }
}
