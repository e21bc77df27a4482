package com.creditdesk.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A collection of views of type {@code T}, one document per key, read and written by {@code _id}
 * through the {@link ProjectionBatch} of the events being handled. Every write remembers the
 * aggregate sequence number it applied; an event at or below it is a redelivery and changes nothing,
 * so replays and restarts never count twice.
 */
public final class KeyedViews<T> {
    private final MongoCollection<Document> collection;
    private final Class<T> type;

    public KeyedViews(MongoCollection<Document> collection, Class<T> type) {
        this.collection = collection;
        this.type = type;
    }

    /** The view as stored, for queries. */
    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(doc -> Documents.to(doc, type));
    }

    /** The view as the batch being handled has it. */
    public Optional<T> current(String id) {
        return ProjectionBatch.current().view(collection, id, this::stored).map(Stored::view);
    }

    /** A view with the last sequence applied to it. */
    private record Stored<T>(T view, long lastSequence) {
    }

    private Stored<T> stored(Document doc) {
        return new Stored<>(Documents.to(doc, type), doc.get("lastSequence", Number.class).longValue());
    }

    private void save(ProjectionBatch batch, String id, T view, long sequence) {
        batch.putView(collection, id, new Stored<>(view, sequence),
                stored -> Documents.of(stored.view()).append("_id", id).append("lastSequence", stored.lastSequence()));
    }

    public void prefetch(ProjectionBatch batch, Collection<String> ids) {
        batch.prefetch(collection, ids);
    }

    /** Creates the view unless this event (or an earlier one) created it already. */
    public void create(String id, long sequence, T view) {
        ProjectionBatch batch = ProjectionBatch.current();
        if (batch.view(collection, id, this::stored).isEmpty()) {
            save(batch, id, view, sequence);
        }
    }

    /** Applies a change to an existing view, once per event; false if the event was applied already. */
    public boolean update(String id, long sequence, UnaryOperator<T> change) {
        ProjectionBatch batch = ProjectionBatch.current();
        Stored<T> stored = batch.view(collection, id, this::stored).orElse(null);
        if (stored == null || sequence <= stored.lastSequence()) {
            return false;
        }
        save(batch, id, change.apply(stored.view()), sequence);
        return true;
    }

    public MongoCollection<Document> collection() {
        return collection;
    }

    public T read(Document doc) {
        return Documents.to(doc, type);
    }

    public void clear() {
        collection.deleteMany(new Document());
    }
}
