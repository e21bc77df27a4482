package com.creditdesk.query.timeline;

import com.creditdesk.api.timeline.TimelineQueries.GetTimeline;
import com.creditdesk.api.timeline.TimelineQueries.TimelineEntry;
import com.creditdesk.api.timeline.TimelineQueries.TimelinePage;
import com.creditdesk.query.common.Bson;
import com.creditdesk.query.common.Documents;
import com.creditdesk.query.common.ProjectionBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The debtor timeline: one readable entry per event of an account, oldest first. An entry's
 * {@code _id} is the account and the event's sequence number, so a redelivered event rewrites
 * the same entry and an account's entries are found by an {@code _id} prefix.
 */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
public class TimelineProjection implements ProjectionBatch.Prefetching {
    public static final String GROUP = "timeline";

    private final MongoCollection<Document> timeline;

    public TimelineProjection(MongoDatabase database) {
        this.timeline = database.getCollection("timeline");
    }

    /** The opening entries of the batch's accounts: they hold the currency other entries show amounts in. */
    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        batch.prefetch(timeline, events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> entryId(((DomainEventMessage<?>) event).getAggregateIdentifier(), 0)).distinct().toList());
    }

    static String entryId(String customerId, long sequence) {
        return customerId + "/" + String.format("%012d", sequence);
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        String customerId = message.getAggregateIdentifier();
        Map<String, Object> details = new LinkedHashMap<>(Documents.asMap(event));
        details.remove("customerId");
        Object actor = details.remove("actor");
        Document entry = new Document("_id", entryId(customerId, message.getSequenceNumber()))
                .append("customerId", customerId)
                .append("sequence", message.getSequenceNumber())
                .append("at", Date.from(message.getTimestamp()))
                .append("type", event.getClass().getSimpleName())
                .append("actor", actor)
                .append("summary", Summaries.of(event, currencyOf(customerId, details)))
                .append("details", new Document(details));
        ProjectionBatch.current().put(timeline, entry);
    }

    /**
     * Amounts are shown in the account's currency: the event's own where it names one (orders,
     * invoices, payments, the opening), else the one its opening entry holds.
     */
    private String currencyOf(String customerId, Map<String, Object> details) {
        if (details.get("currency") instanceof String currency) {
            return currency;
        }
        return ProjectionBatch.current().find(timeline, entryId(customerId, 0))
                .map(opening -> opening.get("details", Document.class).getString("currency")).orElse(null);
    }

    @ResetHandler
    void reset() {
        timeline.deleteMany(new Document());
    }

    @QueryHandler
    public TimelinePage handle(GetTimeline query) {
        List<org.bson.conversions.Bson> filters = new ArrayList<>();
        // an anchored prefix: served by the _id index (ids hold no regex characters but ".")
        filters.add(Filters.regex("_id", "^" + query.customerId().replace(".", "\\.") + "/"));
        if (query.from() != null) {
            filters.add(Filters.gte("at", Date.from(query.from())));
        }
        if (query.to() != null) {
            filters.add(Filters.lt("at", Date.from(query.to())));
        }
        if (query.types() != null && !query.types().isEmpty()) {
            filters.add(Filters.in("type", query.types()));
        }
        var filter = Filters.and(filters);
        List<TimelineEntry> entries = timeline.find(filter).sort(Sorts.ascending("_id"))
                .skip(query.page() * query.size()).limit(query.size())
                .map(TimelineProjection::toEntry).into(new ArrayList<>());
        return new TimelinePage(entries, query.page(), query.size(), timeline.countDocuments(filter));
    }

    @SuppressWarnings("unchecked")
    private static TimelineEntry toEntry(Document doc) {
        return new TimelineEntry(doc.getDate("at").toInstant(), doc.getString("type"), doc.getString("actor"),
                doc.getString("summary"), (Map<String, Object>) Bson.plain(doc.get("details", Document.class)));
    }
}
