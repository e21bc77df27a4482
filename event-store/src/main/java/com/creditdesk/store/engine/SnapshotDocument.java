package com.creditdesk.store.engine;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.List;

/**
 * Layout of a snapshot: one document per aggregate, {@code _id} = aggregate identifier, the other fields as an event
 * of a {@link CommitDocument}. Reading the latest snapshot is a single key lookup.
 */
final class SnapshotDocument {

    private SnapshotDocument() {
    }

    static Document create(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document document = new Document(CommitDocument.ID, snapshot.getAggregateIdentifier());
        document.putAll(CommitDocument.serialize(List.of(snapshot), serializer).get(0));
        return document;
    }

    static long sequenceNumber(Document snapshot) {
        return snapshot.getLong(CommitDocument.SEQUENCE_NUMBER);
    }

    static DomainEventData<String> read(Document snapshot) {
        return CommitDocument.eventData(snapshot);
    }
}
