package com.creditdesk.store.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static com.creditdesk.store.engine.ConcurrentAppendTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What lands in MongoDB, and what the engine does with stored data it did not just write. */
class StoredLayoutTest {

    private static MongoTestServer server;

    private MongoDatabase database;
    private SequencedMongoEventStorageEngine engine;

    @BeforeAll
    static void startServer() {
        server = MongoTestServer.inMemory();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void setUp() {
        database = server.freshDatabase();
        engine = SequencedMongoEventStorageEngine.builder().database(database).build();
    }

    @Test
    void oneCommitIsOneReadableDocumentKeyedByItsLastGlobalIndex() throws Exception {
        Instant created = Instant.parse("2030-05-01T10:15:30.123456Z");
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "acc-1", 0, new Opened("acc-1", 500))
                                    .andMetaData(Map.of("user", "ann")),
                            GenericEventMessage.asEventMessage("not about an aggregate"),
                            new GenericDomainEventMessage<>("Account", "acc-1", 1, new Opened("acc-1", 600)));
        engine.appendEvents(event("acc-2", 0));
        assertThat(engine.readEvents("acc-1").asStream()).hasSize(2);

        Document commit = events().find(Filters.eq("_id", 3L)).first();
        assertThat(commit).isNotNull();
        assertThat(commit.keySet()).containsExactly("_id", "appendedAt", "eventIds", "streamKeys", "events");
        assertThat(commit.getList("streamKeys", String.class)).containsExactly("acc-1/0", "acc-1/1");
        List<Document> stored = commit.getList("events", Document.class);
        assertThat(stored).extracting(event -> event.getLong("globalIndex")).containsExactly(1L, 2L, 3L);
        Document opened = stored.get(0);
        assertThat(opened.getString("aggregateIdentifier")).isEqualTo("acc-1");
        assertThat(opened.getString("payloadType")).isEqualTo(Opened.class.getName());
        JsonNode payload = new ObjectMapper().readTree(opened.getString("payload"));
        assertThat(payload.get("creditLimit").asLong()).isEqualTo(500);
        assertThat(new ObjectMapper().readTree(opened.getString("metaData")).get("user").asText()).isEqualTo("ann");
        assertThat(stored.get(1).containsKey("aggregateIdentifier")).as("an event without aggregate").isFalse();
        assertThat(events().find(Filters.eq("_id", 4L)).first().getList("streamKeys", String.class))
                .containsExactly("acc-2/0");

        engine.appendEvents(new GenericDomainEventMessage<>("Account", "acc-3", 0, "x", Map.of(), "evt-5", created));
        Date timestamp = events().find(Filters.eq("_id", 5L)).first()
                                 .getList("events", Document.class).get(0).getDate("timestamp");
        assertThat(timestamp.toInstant()).as("a BSON date: millisecond precision")
                                         .isEqualTo(Instant.parse("2030-05-01T10:15:30.123Z"));
    }

    @Test
    void snapshotsAreOneDocumentPerAggregateAndOnlyANewerOneReplacesIt() {
        engine.storeSnapshot(event("acc-1", 4));
        engine.storeSnapshot(event("acc-1", 9));
        engine.storeSnapshot(event("acc-1", 7));

        MongoCollection<Document> snapshots = database.getCollection("snapshots");
        assertThat(snapshots.countDocuments()).isEqualTo(1);
        assertThat(snapshots.find().first().getString("_id")).isEqualTo("acc-1");
        assertThat(engine.readSnapshot("acc-1")).hasValueSatisfying(
                snapshot -> assertThat(snapshot.getSequenceNumber()).isEqualTo(9));
    }

    @Test
    void storedJsonIsUpcastWhenRead() {
        engine.appendEvents(new GenericDomainEventMessage<>("Account", "acc-1", 0, new LegacyOpened("acc-1", 700)));
        SequencedMongoEventStorageEngine upcasting =
                SequencedMongoEventStorageEngine.builder()
                                                .database(database)
                                                .upcasterChain(new EventUpcasterChain(new LegacyOpenedUpcaster()))
                                                .build();

        assertThat(upcasting.readEvents("acc-1").next().getPayload()).isEqualTo(new Opened("acc-1", 700));
        assertThat(upcasting.readEvents(null, false).<Object>map(EventMessage::getPayload))
                .containsExactly(new Opened("acc-1", 700));
    }

    @Test
    void aCounterBehindTheStoredCommitsIsReportedAsAStoreFaultNotAsAConcurrencyConflict() {
        engine.appendEvents(event("acc-1", 0));
        database.getCollection("sequences").updateOne(Filters.eq("_id", "events"), Updates.set("value", 0L));

        assertThatThrownBy(() -> engine.appendEvents(event("acc-2", 0)))
                .isInstanceOf(EventStoreException.class)
                .isNotInstanceOf(ConcurrencyException.class)
                .hasMessageContaining("_id_");
    }

    @Test
    void aLostCounterIsRestoredFromTheHighestCommitOnStartup() {
        engine.appendEvents(event("acc-1", 0), event("acc-1", 1));
        database.getCollection("sequences").drop();

        SequencedMongoEventStorageEngine restarted = SequencedMongoEventStorageEngine.builder().database(database).build();
        restarted.appendEvents(event("acc-2", 0));

        assertThat(restarted.readEvents(null, false).map(ConcurrentAppendTest::index)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void theBuilderDefaultsToJacksonNotXStream() {
        assertThat(engine.getEventSerializer().getClass().getSimpleName()).isEqualTo("JacksonSerializer");
        assertThat(engine.getSnapshotSerializer().getClass().getSimpleName()).isEqualTo("JacksonSerializer");
    }

    private MongoCollection<Document> events() {
        return database.getCollection("events");
    }

    record Opened(String accountId, long creditLimit) {
    }

    record LegacyOpened(String accountId, long limit) {
    }

    /** Revision 2 renamed the type and its field {@code limit} to {@code creditLimit}. */
    static class LegacyOpenedUpcaster extends SingleEventUpcaster {

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().getName().equals(LegacyOpened.class.getName());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(Opened.class.getName(), "2"),
                                                JsonNode.class,
                                                node -> ((ObjectNode) node).set("creditLimit",
                                                                                ((ObjectNode) node).remove("limit")));
        }
    }
}
