package com.creditdesk.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Figures kept per day inside documents of one period (a month or a day) and one scope (a currency,
 * "orders" …), so what a figure reads grows with the periods it covers, not with the events behind it.
 * A document holds named maps: sums (amounts in minor units, counts) that events add to, and entries
 * that events set.
 * <p>
 * Each document belongs to one writer (the processor's segment applying the events,
 * {@link ProjectionBatch#writer()}), so only one thread ever changes it, and holds the identifiers of
 * the events of the last batch that concerned it: an event of a batch delivered again whose identifier
 * is there was applied already. (Not the events' positions: a tracking token gives an event that filled
 * a gap the highest position seen, which another event may have.) A figure is the sum over all
 * writers' documents. The {@code _id} starts with the period, so one period's documents are found
 * through the {@code _id} index (periods and scopes hold no regular-expression characters).
 */
public final class DatedSums {
    private static final String BATCH = "batch";

    /** How much of the calendar one document covers. */
    public enum Period {
        MONTH, DAY;

        String of(LocalDate day) {
            return this == MONTH ? day.toString().substring(0, 7) : day.toString();
        }

        LocalDate next(LocalDate day) {
            return this == MONTH ? day.plusMonths(1).withDayOfMonth(1) : day.plusDays(1);
        }
    }

    private final MongoCollection<Document> collection;
    private final Period period;

    public DatedSums(MongoCollection<Document> collection, Period period) {
        this.collection = collection;
        this.period = period;
    }

    /** A document of this batch: its working copy and the events it held when the batch read it. */
    private record Touched(Document doc, Set<String> before, List<String> now) {
    }

    /** Adds {@code amount} under {@code key} of the map {@code sum} in the period of {@code day}. */
    public void add(String event, String scope, LocalDate day, String sum, String key, long amount) {
        Touched doc = touch(event, scope, day);
        if (doc.before().contains(event) || amount == 0) {
            return; // applied by an earlier delivery of this batch
        }
        Document sums = map(doc, sum);
        long total = ((Number) sums.getOrDefault(key, 0L)).longValue() + amount;
        if (total == 0) {
            sums.remove(key);
        } else {
            sums.put(key, total);
        }
    }

    /** Sets the entry {@code key} of the map {@code entries} in the period of {@code day}. */
    public void set(String event, String scope, LocalDate day, String entries, String key, Object value) {
        map(touch(event, scope, day), entries).put(key, value);
    }

    private Touched touch(String event, String scope, LocalDate day) {
        ProjectionBatch batch = ProjectionBatch.current();
        String id = period.of(day) + "|" + scope + "|" + batch.writer();
        Map<String, Touched> touched = batch.state(collection.getNamespace().getFullName(), HashMap::new);
        Touched doc = touched.computeIfAbsent(id, key -> read(batch, id, scope, day));
        if (!doc.now().contains(event)) {
            doc.now().add(event);
        }
        doc.doc().put(BATCH, doc.now());
        batch.put(collection, doc.doc());
        return doc;
    }

    private static Document map(Touched doc, String name) {
        Document map = doc.doc().get(name, Document.class);
        if (map == null) {
            map = new Document();
            doc.doc().put(name, map);
        }
        return map;
    }

    private Touched read(ProjectionBatch batch, String id, String scope, LocalDate day) {
        Document stored = batch.find(collection, id).orElse(null);
        Document doc = stored == null ? new Document("_id", id).append("scope", scope).append("period", period.of(day))
                : new Document(stored);
        Set<String> before = new HashSet<>();
        if (stored != null && stored.get(BATCH) instanceof List<?> events) {
            events.forEach(event -> before.add(String.valueOf(event)));
        }
        return new Touched(doc, before, new ArrayList<>());
    }

    /** The maps named, of every document. */
    public Read all(String... maps) {
        return read(new Document(), maps);
    }

    /** The maps named, of the documents of the period of {@code day} and {@code scope}. */
    public Read of(LocalDate day, String scope, String... maps) {
        return read(Filters.regex("_id", "^" + period.of(day) + "\\|" + scope + "\\|"), maps);
    }

    /** The maps named, of the documents of every period from the one of {@code first} to the one of {@code last}. */
    public Read between(LocalDate first, LocalDate last, String... maps) {
        List<String> periods = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = period.next(day)) {
            periods.add(period.of(day));
        }
        return read(Filters.regex("_id", "^(" + String.join("|", periods) + ")\\|"), maps);
    }

    private Read read(org.bson.conversions.Bson filter, String... maps) {
        List<String> fields = new ArrayList<>(List.of(maps));
        fields.add("scope");
        return new Read(collection.find(filter).projection(Projections.include(fields)).into(new ArrayList<>()),
                List.of(maps));
    }

    /** Documents as read: their maps, added up over writers (and periods) per scope. */
    public record Read(List<Document> documents, List<String> maps) {
        /** Per scope, per map, per key: the sum over the documents read. */
        public Map<String, Map<String, Map<String, Long>>> sums() {
            Map<String, Map<String, Map<String, Long>>> perScope = new HashMap<>();
            for (Document doc : documents) {
                Map<String, Map<String, Long>> scope = perScope.computeIfAbsent(doc.getString("scope"), s -> new HashMap<>());
                for (String name : maps) {
                    Document values = doc.get(name, Document.class);
                    if (values != null) {
                        Map<String, Long> into = scope.computeIfAbsent(name, n -> new HashMap<>());
                        values.forEach((key, amount) -> into.merge(key, ((Number) amount).longValue(), Long::sum));
                    }
                }
            }
            return perScope;
        }

        /** The entries of one map over the documents read, of every scope. */
        public Map<String, Object> entries(String name) {
            Map<String, Object> entries = new HashMap<>();
            for (Document doc : documents) {
                Document values = doc.get(name, Document.class);
                if (values != null) {
                    entries.putAll(values);
                }
            }
            return entries;
        }
    }

    public void clear() {
        collection.deleteMany(new Document());
    }
}
