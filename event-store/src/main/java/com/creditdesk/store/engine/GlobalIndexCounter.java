package com.creditdesk.store.engine;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * The global sequence: one counter document per event collection, {@code {_id: <events collection>, value: <highest
 * allocated globalIndex>}}. An allocation is one atomic {@code $inc} by key, so it never scans, and a block of numbers
 * for a whole commit costs the same as one.
 */
final class GlobalIndexCounter {

    private static final String VALUE = "value";

    private final MongoCollection<Document> sequences;
    private final String name;

    GlobalIndexCounter(MongoCollection<Document> sequences, String name) {
        this.sequences = sequences;
        this.name = name;
    }

    /** Reserves {@code count} numbers and returns the highest; the first global index ever handed out is 1. */
    long allocate(int count) {
        // Asks for the document before the $inc: mongo-java-server's memory backend answers "after" with its live
        // document, which a concurrent $inc can change before it is sent, handing out one number twice.
        Document before = sequences.findOneAndUpdate(
                eq(CommitDocument.ID, name),
                Updates.inc(VALUE, (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return (before == null ? 0 : valueOf(before)) + count;
    }

    /** The highest number allocated so far (written or still in flight), 0 if none. */
    long head() {
        Document counter = sequences.find(eq(CommitDocument.ID, name)).first();
        return counter == null ? 0 : valueOf(counter);
    }

    /**
     * Re-creates a lost counter from the highest stored commit, so numbering never restarts below existing events.
     * The sort scans on mongo-java-server, but only when the counter is missing.
     */
    void restoreIfMissing(MongoCollection<Document> events) {
        if (sequences.find(eq(CommitDocument.ID, name)).first() != null) {
            return;
        }
        Document last = events.find()
                              .sort(Sorts.descending(CommitDocument.ID))
                              .projection(Projections.include(CommitDocument.ID))
                              .first();
        if (last != null) {
            sequences.updateOne(eq(CommitDocument.ID, name),
                                Updates.max(VALUE, last.getLong(CommitDocument.ID)),
                                new UpdateOptions().upsert(true));
        }
    }

    private static long valueOf(Document counter) {
        return ((Number) counter.get(VALUE)).longValue();
    }
}
