package com.creditdesk.platform.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.creditdesk.platform.store.upcasting.DecisionOnHoldUpcaster;
import com.creditdesk.store.engine.SequencedMongoEventStorageEngine;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.UuidRepresentation;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Axon on MongoDB without Axon Server: the event store, token store and saga store all live in
 * the same database, and everything Axon stores is serialized with Jackson. XStream is never used,
 * so no class of the classpath can be instantiated from stored data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({StoreProperties.class, StoreSettings.class, NodeSettings.class,
        ProjectionSettings.class})
public class AxonMongoConfiguration {

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreProperties properties) {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.uri()))
                .uuidRepresentation(UuidRepresentation.STANDARD) // JobRunr's job ids (command side) are UUIDs
                // an unreachable store answers within seconds, not after the driver's 30 s default
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(4, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(3, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    MongoDatabase creditDeskDatabase(MongoClient client, StoreProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, StoreProperties properties) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, properties.database()).build();
    }

    /** The one Jackson 2 mapper for stored messages: no default typing, types come from Axon's payload type. */
    static ObjectMapper storageObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    @Bean
    @Primary
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageObjectMapper()).build();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer) {
        return serializer;
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer(Serializer serializer) {
        return serializer;
    }

    /** Old event revisions are brought up to date as they are read; see each upcaster for what changed. */
    @Bean
    DecisionOnHoldUpcaster decisionOnHoldUpcaster() {
        return new DecisionOnHoldUpcaster();
    }

    /**
     * Our own engine: a global sequence and key-only reads, so it stays fast as history grows on the
     * embedded server and on MongoDB alike (see event-store). The extension is used only for tokens and sagas.
     */
    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase creditDeskDatabase, Serializer serializer,
                                          List<EventUpcaster> upcasters) {
        return SequencedMongoEventStorageEngine.builder()
                .database(creditDeskDatabase)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(new EventUpcasterChain(upcasters))
                .build();
    }

    /**
     * The event store over our engine. Events appended by another process (the command side, other
     * instances) reach this one's processors only by polling: look this often when idle, so a change
     * is visible within milliseconds, not Axon's default second. An idle poll is one key lookup.
     */
    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, org.axonframework.config.Configuration axon,
                                  StoreSettings settings) {
        return EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .messageMonitor(axon.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(settings.pollIntervalMs())
                .build();
    }

    @Bean
    NodeId nodeId(NodeSettings settings) {
        return settings.toNodeId();
    }

    /**
     * Tokens, claimed per segment under this instance's {@link NodeId}. A claim not extended for
     * {@link ProjectionSettings#claimTimeout()} (an instance that died) may be taken by another
     * instance; a processor that stops releases its claims at once.
     */
    @Bean
    TokenStore tokenStore(MongoTemplate template, Serializer serializer, NodeId nodeId,
                          ProjectionSettings projections) {
        return MongoTokenStore.builder().mongoTemplate(template).serializer(serializer)
                .nodeId(nodeId.value()).claimTimeout(projections.claimTimeout()).build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate template, Serializer serializer) {
        return MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }
}
