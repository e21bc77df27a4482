package com.creditdesk.store.engine;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngineTest;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.function.UnaryOperator;

/** Axon's own storage engine contract (the suite its JDBC and JPA engines pass), against mongo-java-server. */
class SequencedMongoEventStorageEngineTest
        extends BatchingEventStorageEngineTest<SequencedMongoEventStorageEngine, SequencedMongoEventStorageEngine.Builder> {

    private static MongoTestServer server;

    private MongoDatabase database;

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
        setTestSubject(createEngine());
    }

    @AfterEach
    void dropDatabase() {
        database.drop();
    }

    @Override
    protected SequencedMongoEventStorageEngine createEngine(
            UnaryOperator<SequencedMongoEventStorageEngine.Builder> customization) {
        Serializer serializer = JacksonSerializer.defaultSerializer();
        return customization.apply(SequencedMongoEventStorageEngine.builder()
                                                                   .database(database)
                                                                   .eventSerializer(serializer)
                                                                   .snapshotSerializer(serializer))
                            .build();
    }
}
