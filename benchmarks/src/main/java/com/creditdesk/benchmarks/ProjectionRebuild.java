package com.creditdesk.benchmarks;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A full rebuild of the query side, the way an operator does one: every projection's processor is
 * stopped, its tokens reset to the start of the store (Axon calls the projections' reset handlers,
 * which empty their collections), and started again; timed until every segment of every processor has
 * passed the head of the store as it stood at the start (by position: a tracking processor's caught-up
 * flag can lag behind the position it has reached).
 */
final class ProjectionRebuild {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    record Result(long storeEvents, double seconds, boolean completed, long eventsProcessed, long timelineEntries) {
        /** Events per second: the whole store if it completed, else the timeline entries (one per event) written. */
        double rate() {
            return (completed ? storeEvents : timelineEntries) / seconds;
        }
    }

    private ProjectionRebuild() {
    }

    static Result run(List<StreamingEventProcessor> processors, long storeEvents, TrackingToken head,
                      Duration timeBox, MongoCollection<Document> timeline) {
        long headPosition = head.position().orElseThrow();
        processors.forEach(StreamingEventProcessor::shutDown);
        processors.forEach(StreamingEventProcessor::resetTokens);
        long started = System.nanoTime();
        processors.forEach(StreamingEventProcessor::start);
        long deadline = started + timeBox.toNanos();
        boolean completed = false;
        long nextReport = started + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            LockSupport.parkNanos(POLL_NANOS);
            if (progress(processors).orElse(-1) >= headPosition) {
                completed = true;
                break;
            }
            if (System.nanoTime() > nextReport) {
                nextReport += TimeUnit.SECONDS.toNanos(30);
                System.out.printf("  rebuilding: %,d timeline entries after %.0f s%n",
                        timeline.estimatedDocumentCount(), (System.nanoTime() - started) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long entries = timeline.estimatedDocumentCount();
        return new Result(storeEvents, seconds, completed, progress(processors).orElse(entries), entries);
    }

    /**
     * Lets the projections skip what a time-boxed rebuild did not reach, so the measurements that follow
     * see a query side that keeps up with new events. The tokens are moved in the token store itself, so no
     * reset handler runs: what the rebuild did write (the long history's views and checkpoints among it)
     * stays, and only the filled accounts it did not reach have no view.
     */
    static void skipToHead(List<StreamingEventProcessor> processors, TokenStore tokens, TrackingToken head) {
        for (StreamingEventProcessor processor : processors) {
            processor.shutDown();
            for (int segment : tokens.fetchSegments(processor.getName())) {
                tokens.storeToken(head, processor.getName(), segment);
                tokens.releaseClaim(processor.getName(), segment);
            }
            processor.start();
        }
    }

    /**
     * The lowest position any segment reached, where the engine's tokens have positions (a global sequence);
     * empty until every segment is claimed (the claimed parts add up to the whole) and has a position.
     */
    private static OptionalLong progress(List<StreamingEventProcessor> processors) {
        long lowest = Long.MAX_VALUE;
        for (StreamingEventProcessor processor : processors) {
            Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
            double claimed = statuses.stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
            if (claimed < 0.999 || statuses.stream().anyMatch(EventTrackerStatus::isErrorState)) {
                return OptionalLong.empty();
            }
            for (EventTrackerStatus status : statuses) {
                OptionalLong position = status.getCurrentPosition();
                if (position.isEmpty()) {
                    return OptionalLong.empty();
                }
                lowest = Math.min(lowest, position.getAsLong());
            }
        }
        return lowest == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(lowest);
    }
}
