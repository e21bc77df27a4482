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
    /** Every collection the projections write. */
    public static final List<String> COLLECTIONS = List.of("accounts", "account_checkpoints", "timeline", "orders",
            "reviews", "invoices", "kpi_invoices", "kpi_orders", "kpi_signals");

    private ProjectedViews() {
    }

    /** Every view document, as JSON, by collection and in key order: two readings compare with equals. */
    public static Map<String, List<String>> read(MongoDatabase database) {
        Map<String, List<String>> views = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            views.put(name, database.getCollection(name).find().sort(Sorts.ascending("_id")).map(Document::toJson)
                    .into(new ArrayList<>()));
        }
        return views;
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
