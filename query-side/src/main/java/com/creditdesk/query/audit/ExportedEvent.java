package com.creditdesk.query.audit;

import com.creditdesk.query.common.Documents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Instant;
import java.util.Map;

/** One line of the export: where the event stands in the store, whose it is, and what it says. */
public record ExportedEvent(Long position, Instant at, String customerId, Long sequence, String type, String actor,
                            Map<String, Object> payload) {

    static ExportedEvent of(TrackedEventMessage<?> event) {
        Map<String, Object> payload = Documents.asMap(event.getPayload());
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Long position = event.trackingToken() == null ? null
                : event.trackingToken().position().stream().boxed().findFirst().orElse(null);
        return new ExportedEvent(position, event.getTimestamp(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                (String) payload.get("actor"), payload);
    }
}
