package com.creditdesk.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A collection of views of type {@code T}, one document per key, read and written by {@code _id}.
 * Every write remembers the aggregate sequence number it applied; an event at or below it is a
 * redelivery and changes nothing, so replays and restarts never count twice.
 */
public final class KeyedViews<T> {
    private final MongoCollection<Document> collection;
    private final Class<T> type;

    public KeyedViews(MongoCollection<Document> collection, Class<T> type) {
        this.collection = collection;
        this.type = type;
    }

    public Optional<T> find(String id) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(doc -> Documents.to(doc, type));
    }

    /** Creates the view unless this event created it already: one upsert that writes only when inserting. */
    public void create(String id, long sequence, T view) {
        Document doc = Documents.of(view).append("lastSequence", sequence);
        collection.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", doc), new UpdateOptions().upsert(true));
    }

    /** Applies a change to an existing view, once per event. */
    public void update(String id, long sequence, UnaryOperator<T> change) {
        Document doc = collection.find(Filters.eq("_id", id)).first();
        if (doc == null || sequence <= doc.get("lastSequence", Number.class).longValue()) {
            return;
        }
        save(id, sequence, change.apply(Documents.to(doc, type)));
    }

    private void save(String id, long sequence, T view) {
        Document doc = Documents.of(view).append("_id", id).append("lastSequence", sequence);
        collection.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
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
