package com.creditdesk.query.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The whole history in store order, streamed: the storage engine reads it in batches, so memory
 * stays flat however long the history is. Timestamps follow store order closely but not strictly
 * (concurrent commits), so reading stops only well past {@code to}.
 */
@Component
public class EventHistory {
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

    private final EventStorageEngine storage;

    public EventHistory(EventStorageEngine storage) {
        this.storage = storage;
    }

    /** Events of {@code [from, to)} (either may be null), optionally of one customer only. */
    public Flux<TrackedEventMessage<?>> read(String customerId, Instant from, Instant to) {
        return Flux.<TrackedEventMessage<?>, Stream<? extends TrackedEventMessage<?>>>using(
                        () -> storage.readEvents(startAt(from), false),
                        Flux::fromStream,
                        Stream::close)
                .takeWhile(event -> to == null || event.getTimestamp().isBefore(to.plus(CLOCK_SLACK)))
                .filter(event -> (from == null || !event.getTimestamp().isBefore(from))
                        && (to == null || event.getTimestamp().isBefore(to))
                        && (customerId == null || event instanceof DomainEventMessage<?> domain
                        && customerId.equals(domain.getAggregateIdentifier())))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private TrackingToken startAt(Instant from) {
        return from == null ? null : storage.createTokenAt(from.minus(CLOCK_SLACK));
    }
}
