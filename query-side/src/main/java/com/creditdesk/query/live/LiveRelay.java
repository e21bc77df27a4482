package com.creditdesk.query.live;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.views.ViewQueries.GetFinanceView;
import com.creditdesk.api.views.ViewQueries.GetSalesView;
import com.creditdesk.query.account.AccountProjection;
import com.creditdesk.query.common.ProjectionProcessing;
import com.creditdesk.query.common.ProjectionTokens;
import com.creditdesk.query.common.ProjectionTokens.Snapshot;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells this instance's live subscribers about every change, whichever instance's segment applied it.
 * A processor of its own per instance ({@value #PROCESSOR}: one segment, tokens in memory, starting at
 * the store's head) sees every event; for each it waits until the shared {@code projections} processor
 * has applied it (the token of the segment handling that account has passed it, read from the token
 * store without claiming, re-read at most every {@code creditdesk.live.relay-poll-interval}), then emits:
 * {@link ViewChanged} to finance's worklist for every event and to the account manager's for events of
 * their customers, and the account view, read again, to the account's subscribers when the event changed
 * it. This is the only place live updates come from, so each change reaches each stream once.
 * <p>
 * A blue-green rebuild stops the projections for a moment and then stores the rebuild's position for
 * every segment, which covers every event the relay waits for. Should the projections not move for
 * {@code creditdesk.live.relay-max-wait}, the relay emits anyway and says so in the log.
 */
@Component
class LiveRelay implements SmartLifecycle {
    static final String PROCESSOR = "live-relay";
    private static final Logger log = LoggerFactory.getLogger(LiveRelay.class);

    private final QueryUpdateEmitter emitter;
    private final AccountProjection accounts;
    private final ProjectionTokens tokens;
    private final EventStore events;
    private final long pollNanos;
    private final Duration maxWait;
    /** An account's manager never changes after the opening: kept once looked up. */
    private final Map<String, String> managers = new ConcurrentHashMap<>();
    /** How long events waited for the projections before being relayed (prometheus: creditdesk_live_relay_wait_seconds). */
    private final Timer waits;
    private volatile TrackingEventProcessor processor;
    /** The relay's own tokens: the one stored is that of the event before the one being handled (batches of one). */
    private volatile InMemoryTokenStore relayTokens;
    /** The projections' tokens as last read, and when (nanoTime). */
    private Snapshot applied;
    private long readAt;

    LiveRelay(QueryUpdateEmitter emitter, AccountProjection accounts, ProjectionTokens tokens, EventStore events,
              LiveSettings settings, ObjectProvider<MeterRegistry> meters) {
        this.emitter = emitter;
        this.accounts = accounts;
        this.tokens = tokens;
        this.events = events;
        this.pollNanos = settings.relayPollInterval().toNanos();
        this.maxWait = settings.relayMaxWait();
        this.waits = Timer.builder("creditdesk.live.relay.wait")
                .description("from the live relay reading an event to the projections having applied it")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    /** The relay's handler; not a bean, so Axon never assigns it to the projections' processor. */
    private final class Relay {
        /** Every event, domain or not, so that the token stored before each one is the one just before it. */
        @EventHandler
        void on(Object event, EventMessage<?> message, TrackingToken token) {
            if (!(message instanceof DomainEventMessage<?> domainEvent)) {
                return;
            }
            String customerId = domainEvent.getAggregateIdentifier();
            long position = positionOf(relayTokens.fetchToken(PROCESSOR, 0), token);
            long started = System.nanoTime();
            if (awaitApplied(customerId, position)) {
                waits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                emit(event, customerId, domainEvent.getSequenceNumber());
            }
        }
    }

    /**
     * The event's own position in the store, from the relay's token before it and the one that includes it. An
     * event beyond every one seen so far is the new token's index; but one whose commit landed late (its writer took
     * its number before a commit that was read first) fills a gap: its token keeps the highest index seen, which the
     * projections may well have passed without having applied this event yet. Its position is the gap it filled
     * (gaps dropped by the same read all lie below it).
     */
    static long positionOf(TrackingToken before, TrackingToken including) {
        TrackingToken after = WrappedToken.unwrapUpperBound(including);
        TrackingToken previous = before == null ? null : WrappedToken.unwrapUpperBound(before);
        if (after instanceof GapAwareTrackingToken now && previous instanceof GapAwareTrackingToken then
                && now.getIndex() <= then.getIndex()) {
            OptionalLong filled = then.getGaps().stream().mapToLong(Long::longValue)
                    .filter(gap -> gap <= now.getIndex() && !now.getGaps().contains(gap)).max();
            if (filled.isPresent()) {
                return filled.getAsLong();
            }
        }
        return after.position().orElseThrow();
    }

    /** True once the projections applied the event, or after the longest wait; false if the relay stops. */
    private boolean awaitApplied(String customerId, long position) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (applied == null || !applied.applied(customerId, position)) {
            long wait = readAt + pollNanos - System.nanoTime();
            if (applied != null && wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (processor == null || Thread.currentThread().isInterrupted()) {
                return false;
            }
            readAt = System.nanoTime();
            try {
                applied = tokens.read(ProjectionProcessing.PROCESSOR);
            } catch (RuntimeException e) { // the store is away: keep waiting rather than fail the processor
                if (System.nanoTime() > deadline) {
                    log.warn("the projections' tokens could not be read for {}; event {} of {} is not relayed: {}",
                            maxWait, position, customerId, e.toString());
                    return false;
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                continue;
            }
            if (System.nanoTime() > deadline && !applied.applied(customerId, position)) {
                log.warn("the projections did not apply event {} of {} within {}; relaying it anyway ({})",
                        position, customerId, maxWait, applied);
                return true;
            }
        }
        return true;
    }

    private void emit(Object event, String customerId, long sequence) {
        try {
            emitChanges(event, customerId, sequence);
        } catch (RuntimeException e) { // the store went away in between: the next change brings the view again
            log.warn("event {} of {} could not be relayed: {}", sequence, customerId, e.toString());
        }
    }

    private void emitChanges(Object event, String customerId, long sequence) {
        ViewChanged changed = new ViewChanged(customerId);
        emitter.emit(GetFinanceView.class, query -> true, changed);
        String manager = event instanceof AccountOpened opened ? opened.accountManager() : managerOf(customerId);
        emitter.emit(GetSalesView.class, query -> manager == null || query.accountManager().equals(manager), changed);
        if (watched(customerId)) {
            accounts.changedBy(customerId, sequence).ifPresent(view ->
                    emitter.emit(FindAccount.class, query -> query.customerId().equals(customerId), view));
        }
    }

    /** Whether anyone here follows this account: only then is its view read again. */
    private boolean watched(String customerId) {
        return emitter.activeSubscriptions().stream()
                .anyMatch(subscription -> subscription.getPayload() instanceof FindAccount find
                        && find.customerId().equals(customerId));
    }

    private String managerOf(String customerId) {
        String known = managers.get(customerId);
        if (known == null) {
            known = accounts.managerOf(customerId).orElse(null);
            if (known != null) {
                managers.put(customerId, known);
            }
        }
        return known;
    }

    @Override
    public synchronized void start() {
        InMemoryTokenStore store = new InMemoryTokenStore();
        TrackingEventProcessor relay = TrackingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Relay()).build())
                .messageSource(events)
                .tokenStore(store)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(1)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .build();
        relayTokens = store;
        processor = relay;
        relay.start();
    }

    @Override
    public synchronized void stop() {
        TrackingEventProcessor relay = processor;
        processor = null;
        if (relay != null) {
            relay.shutDown();
        }
    }

    @Override
    public boolean isRunning() {
        return processor != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // after Axon's processors and query bus are up; stopped before them
    }
}
