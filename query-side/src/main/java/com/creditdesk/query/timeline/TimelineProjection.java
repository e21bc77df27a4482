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
import java.util.stream.LongStream;

/**
 * The debtor timeline: one readable entry per event of an account, oldest first. An entry's
 * {@code _id} is the account and the event's sequence number, so a redelivered event rewrites
 * the same entry and an account's entries are found by an {@code _id} prefix.
 */
@Component
@ProcessingGroup(TimelineProjection.GROUP)
public class TimelineProjection implements ProjectionBatch.Prefetching {
    public static final String GROUP = "timeline";
    private static final int CHUNK = 1000;

    private final MongoCollection<Document> timeline;
    /** Per account the sequence of its last entry: entries run from 0 to it, so a page is a list of ids. */
    private final MongoCollection<Document> heads;

    public TimelineProjection(MongoDatabase database) {
        this.timeline = database.getCollection("timeline");
        this.heads = database.getCollection("timeline_heads");
    }

    /** The opening entries of the batch's accounts: they hold the currency other entries show amounts in. */
    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        List<String> accounts = events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).distinct().toList();
        batch.prefetch(timeline, accounts.stream().map(customerId -> entryId(customerId, 0)).toList());
        batch.prefetch(heads, accounts);
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
        ProjectionBatch batch = ProjectionBatch.current();
        batch.put(timeline, entry);
        long last = batch.find(heads, customerId).map(head -> head.getLong("lastSequence")).orElse(-1L);
        if (message.getSequenceNumber() > last) {
            batch.put(heads, new Document("_id", customerId).append("lastSequence", message.getSequenceNumber()));
        }
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
        heads.deleteMany(new Document());
    }

    /**
     * A page of the account's entries, read by {@code _id} (entries are numbered from 0, so a page is a
     * list of ids): the embedded store serves no range or prefix of {@code _id} from its index. With a
     * period or types, the account's entries are read in chunks of ids and filtered here.
     */
    @QueryHandler
    public TimelinePage handle(GetTimeline query) {
        Document head = heads.find(Filters.eq("_id", query.customerId())).first();
        long last = head == null ? -1 : head.getLong("lastSequence");
        long first = (long) query.page() * query.size();
        boolean filtered = query.from() != null || query.to() != null
                || query.types() != null && !query.types().isEmpty();
        if (!filtered) {
            List<TimelineEntry> entries = read(query.customerId(), first, Math.min(last, first + query.size() - 1));
            return new TimelinePage(entries, query.page(), query.size(), last + 1);
        }
        List<TimelineEntry> matching = new ArrayList<>();
        for (long from = 0; from <= last; from += CHUNK) {
            read(query.customerId(), from, Math.min(last, from + CHUNK - 1)).stream()
                    .filter(entry -> query.from() == null || !entry.at().isBefore(query.from()))
                    .filter(entry -> query.to() == null || entry.at().isBefore(query.to()))
                    .filter(entry -> query.types() == null || query.types().isEmpty()
                            || query.types().contains(entry.type()))
                    .forEach(matching::add);
        }
        List<TimelineEntry> page = first >= matching.size() ? List.of()
                : matching.subList((int) first, (int) Math.min(matching.size(), first + query.size()));
        return new TimelinePage(List.copyOf(page), query.page(), query.size(), matching.size());
    }

    /** The entries {@code from} to {@code to} (sequences, both included), oldest first. */
    private List<TimelineEntry> read(String customerId, long from, long to) {
        if (to < from) {
            return List.of();
        }
        List<String> ids = LongStream.rangeClosed(from, to).mapToObj(sequence -> entryId(customerId, sequence)).toList();
        return timeline.find(Filters.in("_id", ids)).into(new ArrayList<>()).stream()
                .sorted(java.util.Comparator.comparing(doc -> doc.getString("_id")))
                .map(TimelineProjection::toEntry).toList();
    }

    @SuppressWarnings("unchecked")
    private static TimelineEntry toEntry(Document doc) {
        return new TimelineEntry(doc.getDate("at").toInstant(), doc.getString("type"), doc.getString("actor"),
                doc.getString("summary"), (Map<String, Object>) Bson.plain(doc.get("details", Document.class)));
    }
}
