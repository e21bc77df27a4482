package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StructuredCommunication;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The structured communication (OGM) of each invoice, given before the invoice is issued: numbered by one counter
 * ({@code counters}, {@code $inc}), kept per invoice id in {@code structured_communications}, so an invoice issued
 * again (on any instance) keeps its first number, and two invoices never share one.
 */
@Component
public class StructuredCommunications {
    static final String COUNTER = "structured-communication";
    private static final int ATTEMPTS = 10;

    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> given;

    public StructuredCommunications(MongoDatabase database) {
        this.counters = database.getCollection("counters");
        this.given = database.getCollection("structured_communications");
        given.createIndex(Indexes.ascending("ogm"), new IndexOptions().unique(true));
    }

    /**
     * The invoice's structured communication: the one it was given, else the next number (kept with the currency).
     * The same invoice issued twice at once meets the unique {@code _id}: the loser takes the winner's number.
     */
    public StructuredCommunication of(String invoiceId, String currency) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<StructuredCommunication> known = givenTo(invoiceId);
            if (known.isPresent()) {
                return known.get();
            }
            StructuredCommunication ogm = StructuredCommunication.of(next());
            try {
                given.insertOne(new Document("_id", invoiceId).append("ogm", ogm.digits()).append("currency", currency));
                return ogm;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("no structured communication could be given to invoice " + invoiceId);
    }

    /**
     * The counter's next number. It asks for the document before the {@code $inc}, as the event store's global
     * sequence does: the embedded server answers "after" with its live document, which a concurrent {@code $inc} can
     * change before it is sent, handing out one number twice. Two first upserts that meet leave one counter (a
     * duplicate key for the other), which the second then counts on.
     */
    private long next() {
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
        Document before;
        try {
            before = counters.findOneAndUpdate(eq("_id", COUNTER), Updates.inc("next", 1L), upsert);
        } catch (MongoCommandException e) {
            if (ErrorCategory.fromErrorCode(e.getErrorCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            before = counters.findOneAndUpdate(eq("_id", COUNTER), Updates.inc("next", 1L), upsert);
        }
        return (before == null ? 0 : before.get("next", Number.class).longValue()) + 1;
    }

    public Optional<StructuredCommunication> givenTo(String invoiceId) {
        return Optional.ofNullable(given.find(eq("_id", invoiceId)).first())
                .map(doc -> new StructuredCommunication(doc.getString("ogm")));
    }

    /** The invoice a structured communication was given to. */
    public Optional<String> invoiceOf(StructuredCommunication ogm) {
        return Optional.ofNullable(given.find(eq("ogm", ogm.digits())).first()).map(doc -> doc.getString("_id"));
    }
}
