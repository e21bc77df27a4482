package com.creditdesk.store.engine;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Layout of one commit: every event of one {@code appendEvents} call in a single document, so that the append is
 * atomic without multi-document transactions.
 * <pre>
 * { _id:          last globalIndex of the commit (the events hold _id - n + 1 .. _id),
 *   appendedAt:   Date the commit was written (decides when a missing global index is given up),
 *   eventIds:     [eventIdentifier, ...]                       unique index
 *   streamKeys:   ["aggregateId/sequenceNumber", ...]          unique sparse index: the concurrency guard
 *                                                              and aggregate reads
 *   events: [ { globalIndex, type, aggregateIdentifier, sequenceNumber, eventIdentifier,
 *               payloadType, payloadRevision, payload (JSON text), metaData (JSON text), timestamp (Date) } ] }
 * </pre>
 * Events that belong to no aggregate carry no aggregate fields and no stream keys.
 */
final class CommitDocument {

    static final String ID = "_id";
    static final String APPENDED_AT = "appendedAt";
    static final String EVENT_IDS = "eventIds";
    static final String STREAM_KEYS = "streamKeys";
    static final String EVENTS = "events";
    static final String GLOBAL_INDEX = "globalIndex";
    static final String TYPE = "type";
    static final String AGGREGATE_IDENTIFIER = "aggregateIdentifier";
    static final String SEQUENCE_NUMBER = "sequenceNumber";
    static final String EVENT_IDENTIFIER = "eventIdentifier";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";
    static final String TIMESTAMP = "timestamp";

    private CommitDocument() {
    }

    /** An event read back from a commit, with what tracking needs besides the event data. */
    record StoredEvent(long globalIndex, Instant appendedAt, DomainEventData<String> data) {
    }

    /** The first event of a commit that repeats an event identifier or aggregate sequence number of an earlier one. */
    record Duplicate(int position, String key) {
    }

    /**
     * The key of one aggregate sequence number. Keys are only ever compared for equality, so the sequence number is
     * not padded; the last '/' separates it, which keeps aggregate identifiers containing '/' unambiguous.
     */
    static String streamKey(String aggregateIdentifier, long sequenceNumber) {
        return aggregateIdentifier + "/" + sequenceNumber;
    }

    /** Serializes the events before a global index is allocated, to keep the window in which an index is in flight short. */
    static List<Document> serialize(List<? extends EventMessage<?>> events, Serializer serializer) {
        List<Document> documents = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            Document document = new Document();
            if (event instanceof DomainEventMessage<?> domainEvent) {
                document.append(TYPE, domainEvent.getType())
                        .append(AGGREGATE_IDENTIFIER, domainEvent.getAggregateIdentifier())
                        .append(SEQUENCE_NUMBER, domainEvent.getSequenceNumber());
            }
            SerializedObject<String> payload = event.serializePayload(serializer, String.class);
            document.append(EVENT_IDENTIFIER, event.getIdentifier())
                    .append(PAYLOAD_TYPE, payload.getType().getName())
                    .append(PAYLOAD_REVISION, payload.getType().getRevision())
                    .append(PAYLOAD, payload.getData())
                    .append(META_DATA, event.serializeMetaData(serializer, String.class).getData())
                    .append(TIMESTAMP, Date.from(event.getTimestamp()));
            documents.add(document);
        }
        return documents;
    }

    /**
     * A unique index does not compare entries of one document with each other (neither on MongoDB nor on
     * mongo-java-server), so a commit that collides with itself is caught here.
     */
    static Optional<Duplicate> firstDuplicate(List<Document> events) {
        Set<String> eventIds = new HashSet<>();
        Set<String> streamKeys = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            Document event = events.get(i);
            String eventId = event.getString(EVENT_IDENTIFIER);
            if (!eventIds.add(eventId)) {
                return Optional.of(new Duplicate(i, eventId));
            }
            String aggregateIdentifier = event.getString(AGGREGATE_IDENTIFIER);
            if (aggregateIdentifier != null) {
                String streamKey = streamKey(aggregateIdentifier, event.getLong(SEQUENCE_NUMBER));
                if (!streamKeys.add(streamKey)) {
                    return Optional.of(new Duplicate(i, streamKey));
                }
            }
        }
        return Optional.empty();
    }

    /** The position of the event a duplicate key error names, or 0 when the message names none of them. */
    static int conflictingEvent(List<Document> events, String errorMessage) {
        for (int i = 0; i < events.size(); i++) {
            for (String key : keysOf(events.get(i))) {
                if (errorMessage != null && errorMessage.contains('"' + key + '"')) {
                    return i;
                }
            }
        }
        return 0;
    }

    /** Completes the serialized events into one commit holding the global indexes {@code lastIndex - n + 1 .. lastIndex}. */
    static Document commit(long lastIndex, List<Document> events, Instant appendedAt) {
        long globalIndex = lastIndex - events.size() + 1;
        List<String> eventIds = new ArrayList<>(events.size());
        List<String> streamKeys = new ArrayList<>(events.size());
        for (Document event : events) {
            event.append(GLOBAL_INDEX, globalIndex++);
            eventIds.add(event.getString(EVENT_IDENTIFIER));
            String aggregateIdentifier = event.getString(AGGREGATE_IDENTIFIER);
            if (aggregateIdentifier != null) {
                streamKeys.add(streamKey(aggregateIdentifier, event.getLong(SEQUENCE_NUMBER)));
            }
        }
        Document commit = new Document(ID, lastIndex)
                .append(APPENDED_AT, Date.from(appendedAt))
                .append(EVENT_IDS, eventIds);
        // absent rather than empty: a unique index treats an empty array as one shared key on MongoDB
        if (!streamKeys.isEmpty()) {
            commit.append(STREAM_KEYS, streamKeys);
        }
        return commit.append(EVENTS, events);
    }

    static List<StoredEvent> events(Document commit) {
        Instant appendedAt = commit.getDate(APPENDED_AT).toInstant();
        return commit.getList(EVENTS, Document.class).stream()
                     .map(event -> new StoredEvent(event.getLong(GLOBAL_INDEX), appendedAt, eventData(event)))
                     .toList();
    }

    /** Reads the event fields of an event, or of a snapshot, which uses the same layout. */
    static DomainEventData<String> eventData(Document event) {
        return new GenericDomainEventEntry<>(event.getString(TYPE),
                                             event.getString(AGGREGATE_IDENTIFIER),
                                             event.get(SEQUENCE_NUMBER, 0L),
                                             event.getString(EVENT_IDENTIFIER),
                                             event.getDate(TIMESTAMP).toInstant(),
                                             event.getString(PAYLOAD_TYPE),
                                             event.getString(PAYLOAD_REVISION),
                                             event.getString(PAYLOAD),
                                             event.getString(META_DATA));
    }

    private static List<String> keysOf(Document event) {
        String aggregateIdentifier = event.getString(AGGREGATE_IDENTIFIER);
        return aggregateIdentifier == null
                ? List.of(event.getString(EVENT_IDENTIFIER))
                : List.of(event.getString(EVENT_IDENTIFIER),
                          streamKey(aggregateIdentifier, event.getLong(SEQUENCE_NUMBER)));
    }
}
