package com.creditdesk.command.common;

import com.creditdesk.api.common.GloballyUnique;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Order, invoice and payment ids are unique across the system, but each account only knows its own.
 * A claim document per id ({@code _id} = {@code order:O-1}) decides by Mongo's unique {@code _id}
 * which account owns it, atomically and across command-side instances.
 */
@Component
public class UniqueIds {
    private final MongoCollection<Document> claims;

    public UniqueIds(MongoDatabase database) {
        this.claims = database.getCollection("unique_ids");
    }

    /**
     * Claims the id for the command's account.
     *
     * @return true if this call made the claim, false if the account held it already (a repeat)
     * @throws Refusal.Violated if another account holds it
     */
    public boolean claim(GloballyUnique command) {
        try {
            claims.insertOne(new Document("_id", command.uniqueKey()).append("customerId", command.customerId()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document owner = claims.find(Filters.eq("_id", command.uniqueKey())).first();
        if (owner != null && command.customerId().equals(owner.getString("customerId"))) {
            return false;
        }
        throw Refusal.violated(Rule.ID_CONFLICT,
                command.uniqueKey().replace(':', ' ') + " is already used by another account");
    }

    /** Gives back a claim whose command was refused, so the id stays free. */
    public void release(GloballyUnique command) {
        claims.deleteOne(Filters.and(Filters.eq("_id", command.uniqueKey()),
                Filters.eq("customerId", command.customerId())));
    }
}
