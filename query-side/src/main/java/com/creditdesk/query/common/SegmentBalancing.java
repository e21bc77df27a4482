package com.creditdesk.query.common;

import com.creditdesk.platform.store.NodeId;
import com.creditdesk.platform.store.ProjectionSettings;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Shares the segments of the projections' processor among the query-side instances using one store.
 * Every instance writes a heartbeat into {@code query_instances} ({@code {_id: node id, seenAt}}) every
 * {@code creditdesk.projections.heartbeat-interval}; the instances seen within
 * {@code creditdesk.projections.instance-timeout} are alive. An instance holding more than its fair share
 * (segments ÷ live instances, rounded up) releases the excess for {@code creditdesk.projections.release-for},
 * so that another instance's idle threads claim them (they look every {@code token-claim-interval}).
 * <p>
 * An instance that stops gracefully removes its heartbeat and Axon releases its claims: the others take
 * its segments over within a claim interval. One that dies leaves its claims until they time out
 * ({@code creditdesk.projections.claim-timeout}); its heartbeat is already stale by then (the instance
 * timeout is shorter), so the survivors' fair share has grown and they keep what they claim.
 * <p>
 * A blue-green rebuild ({@code ProjectionReplay}) on one instance asks the others to stop their projections
 * while it swaps the collections in ({@code projection_control}); they start again once it is done, or once
 * the instance that asked has gone.
 * Time here is the wall clock, as in the token store's claims, never the adjustable business clock.
 */
@Component
public class SegmentBalancing implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SegmentBalancing.class);
    static final String INSTANCES = "query_instances";
    /** While a rebuild takes over, {@code {_id: "projections", pausedBy: node id, since}}: the others stop. */
    static final String CONTROL = "projection_control";

    private final EventProcessingConfiguration processing;
    private final ProjectionTokens tokens;
    private final MongoCollection<Document> instances;
    private final MongoCollection<Document> control;
    private final NodeId node;
    private final Duration heartbeat;
    private final Duration instanceTimeout;
    private final Duration releaseFor;
    private final Duration claimTimeout;
    private volatile ScheduledExecutorService scheduler;
    private volatile int liveInstances = 1;
    /** Whether this instance stopped its projections because another one is swapping in a rebuild. */
    private volatile boolean pausedForOther;

    SegmentBalancing(EventProcessingConfiguration processing, ProjectionTokens tokens, MongoDatabase database,
                     NodeId node, ProjectionSettings settings) {
        this.processing = processing;
        this.tokens = tokens;
        this.instances = database.getCollection(INSTANCES);
        this.control = database.getCollection(CONTROL);
        this.node = node;
        this.heartbeat = settings.heartbeatInterval();
        this.instanceTimeout = settings.instanceTimeout();
        this.releaseFor = settings.releaseFor();
        this.claimTimeout = settings.claimTimeout();
    }

    /** The instances alive at the last heartbeat, this one included. */
    public int liveInstances() {
        return liveInstances;
    }

    /** Announces this instance, counts the live ones, and gives up what exceeds this instance's share. */
    void balance() {
        try {
            long now = System.currentTimeMillis();
            instances.replaceOne(Filters.eq("_id", node.value()),
                    new Document("_id", node.value()).append("seenAt", new Date(now)), new ReplaceOptions().upsert(true));
            int live = (int) Math.max(1, instances.countDocuments(
                    Filters.gt("seenAt", new Date(now - instanceTimeout.toMillis()))));
            liveInstances = live;
            // heartbeats of instances long gone
            instances.deleteMany(Filters.lt("seenAt", new Date(now - 10 * instanceTimeout.toMillis())));
            processing.eventProcessor(ProjectionProcessing.PROCESSOR, TrackingEventProcessor.class)
                    .ifPresent(processor -> {
                        if (followPause(processor, now) && processor.isRunning()) {
                            releaseExcess(processor, live);
                        }
                    });
        } catch (RuntimeException e) {
            log.warn("balancing the projection segments failed ({}); trying again in {}", e.toString(), heartbeat);
        }
    }

    /**
     * Stops the projections here while another instance swaps in a rebuild (which then sets every token),
     * and starts them again once it is done; false while paused.
     */
    private boolean followPause(TrackingEventProcessor processor, long now) {
        Document pause = control.find(Filters.eq("_id", ProjectionProcessing.PROCESSOR)).first();
        // a pause counts while the instance that asked for it is alive
        boolean pausedByOther = pause != null && !node.value().equals(pause.getString("pausedBy"))
                && instances.countDocuments(Filters.and(Filters.eq("_id", pause.getString("pausedBy")),
                Filters.gt("seenAt", new Date(now - instanceTimeout.toMillis())))) > 0;
        if (pausedByOther && !pausedForOther) {
            log.info("{} stops its projections while {} swaps in a rebuild", node, pause.getString("pausedBy"));
            pausedForOther = true;
            processor.shutDown(); // releases the claims
        } else if (!pausedByOther && pausedForOther) {
            log.info("{} starts its projections again after the rebuild", node);
            pausedForOther = false;
            processor.start();
        }
        return !pausedForOther;
    }

    /**
     * Asks every other instance to stop the projections (they do at their next heartbeat) and waits until no
     * segment is claimed by another instance any more, at most {@code within}; false if some still are.
     */
    public boolean pauseOthers(Duration within) {
        control.replaceOne(Filters.eq("_id", ProjectionProcessing.PROCESSOR),
                new Document("_id", ProjectionProcessing.PROCESSOR).append("pausedBy", node.value())
                        .append("since", new Date()), new ReplaceOptions().upsert(true));
        long deadline = System.nanoTime() + within.toNanos();
        while (heldElsewhere()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        return true;
    }

    /**
     * Whether another instance holds a segment: a claim it still extends. A claim left behind unextended (a processor
     * that shut down while it was claiming a segment does not always give it back) is held by nobody once it is
     * older than the claim timeout, as Axon itself lets any instance take it then.
     */
    private boolean heldElsewhere() {
        Instant expired = Instant.now().minus(claimTimeout);
        return tokens.read(ProjectionProcessing.PROCESSOR).segments().stream()
                .anyMatch(segment -> segment.owner() != null && !segment.owner().equals(node.value())
                        && segment.claimedAt().isAfter(expired));
    }

    /** Lets the other instances go on with the projections. */
    public void resumeOthers() {
        control.deleteOne(Filters.and(Filters.eq("_id", ProjectionProcessing.PROCESSOR),
                Filters.eq("pausedBy", node.value())));
    }

    private void releaseExcess(TrackingEventProcessor processor, int live) {
        int segments = tokens.read(ProjectionProcessing.PROCESSOR).segments().size();
        if (segments == 0) {
            return;
        }
        int share = (segments + live - 1) / live;
        List<Integer> held = processor.processingStatus().keySet().stream().sorted().toList();
        for (int i = share; i < held.size(); i++) {
            log.info("{} holds {} of {} segments with {} instances alive: releasing segment {} for {}",
                    node, held.size(), segments, live, held.get(i), releaseFor);
            processor.releaseSegment(held.get(i), releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancing");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::balance, 0, heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    /** Before Axon stops the processors (which releases the claims): the others count one instance less. */
    @Override
    public synchronized void stop() {
        ScheduledExecutorService executor = scheduler;
        scheduler = null;
        if (executor == null) {
            return;
        }
        executor.shutdown(); // a heartbeat under way finishes; none is interrupted inside the driver
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            instances.deleteOne(Filters.eq("_id", node.value()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("could not remove the heartbeat of {}; it goes stale in {}", node, instanceTimeout, e);
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // started after Axon's processors, stopped before them
    }
}
