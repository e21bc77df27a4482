package com.creditdesk.query.account;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.creditdesk.query.common.ProjectionBatch;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * The account as it stood after every {@value #INTERVAL}th event, kept by the projection, so an as-of
 * answer folds at most that many events from the store rather than the whole history. A checkpoint
 * holds exactly the events up to its sequence number, so it never carries a later fact into an
 * earlier answer. Checkpoints are found by {@code _id}: the account's last sequence number tells
 * which can exist.
 */
@Component
public class AccountCheckpoints {
    static final int INTERVAL = 500;

    record Checkpoint(AccountRecord account, long sequence) {
    }

    private final MongoCollection<Document> checkpoints;

    AccountCheckpoints(MongoDatabase database) {
        this.checkpoints = database.getCollection("account_checkpoints");
    }

    static boolean due(long sequence) {
        return sequence > 0 && sequence % INTERVAL == 0;
    }

    /** Keeps the account as it stood after event {@code sequence}, recorded at {@code at}. */
    void keep(AccountRecord account, long sequence, Instant at) {
        String id = id(account.customerId(), sequence);
        ProjectionBatch.current().put(checkpoints, new Document("_id", id).append("sequence", sequence)
                .append("at", Date.from(at)).append("account", account.toDocument()));
    }

    /** The latest checkpoint recorded at or before {@code at}, of an account whose last event is {@code lastSequence}. */
    Optional<Checkpoint> latestAtOrBefore(String customerId, long lastSequence, Instant at) {
        List<String> candidates = LongStream.rangeClosed(1, lastSequence / INTERVAL)
                .mapToObj(n -> id(customerId, n * INTERVAL)).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        Date until = Date.from(at);
        return checkpoints.find(Filters.in("_id", candidates)).into(new java.util.ArrayList<>()).stream()
                .filter(doc -> !doc.getDate("at").after(until))
                .max(Comparator.comparingLong(doc -> doc.getLong("sequence")))
                .map(doc -> new Checkpoint(AccountRecord.fromDocument(doc.get("account", Document.class)),
                        doc.getLong("sequence")));
    }

    void clear() {
        checkpoints.deleteMany(new Document());
    }

    private static String id(String customerId, long sequence) {
        return customerId + "/" + String.format("%012d", sequence);
    }
}
