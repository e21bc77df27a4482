package com.creditdesk.standalone.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.awaitility.Awaitility.await;

/** The projections' collections as stored, and their state as the operator's API tells it. */
public final class ProjectedViews {
    /** Every collection of views the projections write, one document per key. */
    public static final List<String> COLLECTIONS = List.of("accounts", "account_checkpoints", "timeline",
            "timeline_heads", "orders",
            "orders_blocked", "reviews", "invoices", "invoices_followed", "kpi_customers", "kpi_orders",
            "kpi_applications", "kpi_reviews", "kpi_collection_customers", "kpi_collection_invoices", "applications",
            "groups", "bank_lines");
    /**
     * Every collection of sums (DatedSums): one document per period, scope and writer (the segment that
     * applied the events), so they compare as the sums over the writers.
     */
    public static final List<String> SUMS = List.of("receivables_current", "receivables_history", "kpi_order_days",
            "kpi_order_instants", "kpi_signals", "kpi_application_decisions", "kpi_collection_steps",
            "kpi_collection_managers");

    private ProjectedViews() {
    }

    /** Every view document, as JSON, by collection and in key order: two readings compare with equals. */
    public static Map<String, List<String>> read(MongoDatabase database) {
        Map<String, List<String>> views = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            views.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id")).map(Document::toJson)
                    .into(new ArrayList<>()));
        }
        views.put("account_managers", database.getCollection("account_managers").find().sort(Sorts.ascending("_id"))
                .map(doc -> doc.getString("_id") + " " + new java.util.TreeSet<>(doc.getList("customers", String.class)))
                .into(new ArrayList<>()));
        for (String name : SUMS) {
            views.put(name, sums(database.getCollection(name)));
        }
        return views;
    }

    /** Per period and scope, each map's entries added over the writers, in key order. */
    private static List<String> sums(com.mongodb.client.MongoCollection<Document> collection) {
        java.util.TreeMap<String, java.util.TreeMap<String, java.util.TreeMap<String, Object>>> merged = new java.util.TreeMap<>();
        for (Document doc : collection.find()) {
            String id = doc.getString("_id");
            var maps = merged.computeIfAbsent(id.substring(0, id.lastIndexOf('|')), key -> new java.util.TreeMap<>());
            doc.forEach((field, value) -> {
                if (value instanceof Document entries) {
                    var into = maps.computeIfAbsent(field, key -> new java.util.TreeMap<>());
                    entries.forEach((key, entry) -> into.merge(key, entry instanceof Number n ? (Object) n.longValue() : entry,
                            (a, b) -> a instanceof Long x && b instanceof Long y ? (Object) (x + y) : b));
                }
            });
        }
        merged.values().forEach(maps -> maps.values().forEach(entries -> entries.values().removeIf(v -> v.equals(0L))));
        List<String> lines = new ArrayList<>();
        merged.forEach((key, maps) -> lines.add(key + " " + maps));
        return lines;
    }

    /** The status of the processor that builds the projections, from {@code GET /api/admin/projections}. */
    public static JsonNode status(Api queries) {
        JsonNode all = queries.get("admin", "/api/admin/projections").json();
        return StreamSupport.stream(all.spliterator(), false)
                .filter(processor -> processor.get("name").asText().equals("projections")).findFirst()
                .orElseThrow(() -> new AssertionError("no projections processor in " + all));
    }

    /** Waits until the projections run and have applied every event in the store. */
    public static void awaitCaughtUp(Api queries, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode status = status(queries);
            JsonNode lag = status.get("lag"); // null while no segment is claimed here
            return status.get("status").asText().equals("RUNNING") && lag.isNumber() && lag.asLong() == 0;
        });
    }
}
