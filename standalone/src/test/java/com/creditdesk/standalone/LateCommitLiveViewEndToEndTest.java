package com.creditdesk.standalone;

import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.query.common.ProjectionProcessing;
import com.creditdesk.query.common.ProjectionTokens;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.EventStreamReader;
import com.creditdesk.standalone.support.EventStreamReader.Event;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.creditdesk.store.engine.SequencedMongoEventStorageEngine;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A change whose commit lands after a later one (its writer took its global index, then stalled before the
 * insert; under load this happens whenever two commands commit out of order) must still reach the account's
 * live stream. The store delivers such an event as the filling of a gap: its tracking token keeps the highest
 * index seen so far, which is <em>not</em> the event's own position. The live relay once took that index for
 * the event's position, found the projections already past it (they had skipped the gap too), read the account
 * before the late event was applied and emitted nothing: the update never came (the one lost sample in 300
 * of the benchmark's visibility probe).
 */
class LateCommitLiveViewEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The relay reacts within milliseconds; far longer than that means the update was lost. */
    private static final Duration UPDATE_WITHIN = Duration.ofSeconds(5);
    private static CreditDeskStandalone app;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void start() {
        app = RunningCreditDesk.shared();
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
    }

    @Test
    void aChangeCommittedAfterALaterOneStillReachesTheAccountStream() throws Exception {
        String other = accountWithLimit();
        for (int round = 0; round < 3; round++) {
            String watched = accountWithLimit();
            try (EventStreamReader stream = subscribe("/api/stream/accounts/" + watched)) {
                Event current = stream.next(WAIT);
                assertThat(current).as("the current view first").isNotNull();
                assertThat(current.data().get("onHold").asBoolean()).isFalse();

                // a writer takes the next global index for a change of the watched account, then stalls
                StallingWriter writer = new StallingWriter();
                long sequence = RunningCreditDesk.eventCount(app, watched);
                Thread slow = new Thread(() -> writer.append(new GenericDomainEventMessage<>("CustomerAccount",
                        watched, sequence, new AccountPutOnHold(watched, "late commit", "credit1"))), "slow-writer");
                slow.start();
                assertThat(writer.allocated.await(10, TimeUnit.SECONDS)).as("the slow writer took its index").isTrue();
                long late = writer.index.get();

                // meanwhile another command commits at a later index, and every segment of the projections
                // goes past it, keeping the late one as a gap
                Answer order = commands.post("erp", "/api/accounts/" + other + "/orders",
                        Map.of("orderId", "O-" + other + "-" + round, "amount", 100, "currency", "EUR"));
                assertThat(order.status()).as(order.toString()).isEqualTo(201);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> allSegmentsPast(late));

                // the stalled writer goes on: the late change is delivered as a gap being filled
                writer.release.countDown();
                slow.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(writer.failure).as("the late commit was written").isNull();

                await().atMost(WAIT).pollInterval(Duration.ofMillis(20)).until(() ->
                        queries.get("sales1", "/api/accounts/" + watched).json().get("onHold").asBoolean());
                Event changed = stream.next(UPDATE_WITHIN);
                assertThat(changed).as("round %d: the account stream of %s shows the late change (event %d)",
                        round, watched, late).isNotNull();
                assertThat(changed.data().get("onHold").asBoolean()).isTrue();
            }
        }
    }

    /** Whether every segment of the shared projections has read past {@code index} while it is still a gap. */
    private static boolean allSegmentsPast(long index) {
        ProjectionTokens.Snapshot snapshot = app.querySide().getBean(ProjectionTokens.class)
                .read(ProjectionProcessing.PROCESSOR);
        return !snapshot.segments().isEmpty() && snapshot.segments().stream().allMatch(segment -> {
            TrackingToken token = WrappedToken.unwrapLowerBound(segment.token());
            return token instanceof GapAwareTrackingToken gapAware && gapAware.getIndex() > index;
        });
    }

    /** An account with a limit, once the query side shows it. */
    private static String accountWithLimit() {
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 10000, "source", "ANALYST", "reason", "start"));
        await().atMost(WAIT).until(() -> {
            Answer view = queries.get("sales1", "/api/accounts/" + c);
            return view.status() == 200 && view.json().get("effectiveLimit").decimalValue().signum() > 0;
        });
        return c;
    }

    private static EventStreamReader subscribe(String path) {
        HttpResponse<InputStream> response = queries.stream("sales1", path);
        assertThat(response.statusCode()).isEqualTo(200);
        return new EventStreamReader(response);
    }

    /**
     * Writes into the running store as the command side does (same database, same serializer), but holds the
     * commit between taking its global index and inserting it, until released.
     */
    private static final class StallingWriter {
        final CountDownLatch allocated = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicLong index = new AtomicLong();
        volatile Throwable failure;
        private final SequencedMongoEventStorageEngine engine;

        StallingWriter() {
            Serializer serializer = ((AbstractEventStorageEngine) app.commandSide().getBean(EventStorageEngine.class))
                    .getEventSerializer();
            engine = new SequencedMongoEventStorageEngine(SequencedMongoEventStorageEngine.builder()
                    .database(app.commandSide().getBean(MongoDatabase.class))
                    .eventSerializer(serializer)
                    .snapshotSerializer(serializer)) {
                @Override
                protected long allocateGlobalIndexes(int count) {
                    long last = super.allocateGlobalIndexes(count);
                    index.set(last);
                    allocated.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return last;
                }
            };
        }

        void append(GenericDomainEventMessage<?> event) {
            try {
                engine.appendEvents(event);
            } catch (Throwable e) {
                failure = e;
            }
        }
    }
}
