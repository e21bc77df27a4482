package com.creditdesk.query.admin;

import com.creditdesk.platform.store.NodeId;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Which layout the stored views have. Raise {@link #CURRENT} when a projection starts to keep something
 * it did not keep before: views written by an older version lack it, so they are rebuilt once
 * (blue-green, the old ones serving meanwhile) by the first instance that starts with the new code.
 * <ol>
 *   <li>the first layout (no record of it);</li>
 *   <li>receivables and the KPIs' orders and signals as sums per day and month, the invoices followed and
 *       the orders blocked now, the customers of each account manager; invoices with their currency; the
 *       release request in an order's history; the last entry of each account's timeline;</li>
 *   <li>the KPIs' credit applications (filed, and their final decisions per month) and each customer's periodic
 *       reviews (planned and due);</li>
 *   <li>the collection numbers: each customer's invoices with their dunning steps and settlements, the sums per
 *       dunning step and segment (reached, paid in full, collected) and per account manager (receivables, booked,
 *       collected);</li>
 *   <li>the collection numbers' invoices as documents of their own, no longer inside their customer's.</li>
 * </ol>
 */
@Component
public class ViewsVersion {
    public static final int CURRENT = 5;
    private static final String ID = "views";
    /** An upgrade whose instance went away without finishing may be taken over after this long. */
    private static final Duration UPGRADE_TIMEOUT = Duration.ofMinutes(30);

    private final MongoCollection<Document> versions;
    private final NodeId node;

    ViewsVersion(MongoDatabase database, NodeId node) {
        this.versions = database.getCollection("views_version");
        this.node = node;
    }

    /** The version the stored views have (1 when none was ever recorded). */
    public int stored() {
        Document doc = versions.find(Filters.eq("_id", ID)).first();
        return doc == null ? 1 : doc.getInteger("version", 1);
    }

    /** After a rebuild or on an empty store: the views are as this code writes them. */
    void markCurrent() {
        versions.replaceOne(Filters.eq("_id", ID), new Document("_id", ID).append("version", CURRENT)
                .append("since", new Date()), new ReplaceOptions().upsert(true));
    }

    /** True for the one instance that may upgrade now: nobody else is at it (or their attempt went stale). */
    boolean claimUpgrade() {
        Date now = new Date();
        try {
            versions.updateOne(Filters.and(Filters.eq("_id", ID), Filters.ne("version", CURRENT), Filters.or(
                            Filters.exists("upgradingSince", false),
                            Filters.lt("upgradingSince", Date.from(Instant.now().minus(UPGRADE_TIMEOUT))))),
                    Updates.combine(Updates.set("upgradingSince", now), Updates.set("upgradingBy", node.value())),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // the document exists and did not match: current already, or another instance is at it
            }
            throw e;
        }
        Document doc = versions.find(Filters.eq("_id", ID)).first();
        return doc != null && node.value().equals(doc.getString("upgradingBy")) && doc.getInteger("version", 1) != CURRENT;
    }

    /** An upgrade that did not complete: another start may try again. */
    void releaseUpgrade() {
        versions.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("upgradingBy", node.value())),
                Updates.combine(Updates.unset("upgradingSince"), Updates.unset("upgradingBy")));
    }
}
