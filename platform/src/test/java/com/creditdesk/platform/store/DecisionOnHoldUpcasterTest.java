package com.creditdesk.platform.store;

import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.platform.store.upcasting.DecisionOnHoldUpcaster;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored in revision 1 (decisions without onHold) still load, and replay to the same decisions. */
class DecisionOnHoldUpcasterTest {
    private EmbeddedMongo mongo;
    private MongoClient client;
    private MongoDatabase database;

    /** How revision 1 was written: the decision had no onHold field. */
    @JsonIgnoreProperties("onHold")
    abstract static class RevisionOneDecision {
    }

    @BeforeEach
    void start() {
        mongo = EmbeddedMongo.inMemory();
        client = MongoClients.create(mongo.connectionString());
        database = client.getDatabase("upcasting");
    }

    @AfterEach
    void stop() {
        client.close();
        mongo.close();
    }

    @Test
    void aStoredRevisionOneDecisionLoadsWithOnHoldDerivedFromItsReasons() {
        ObjectMapper revisionOneMapper = AxonMongoConfiguration.storageObjectMapper()
                .addMixIn(CreditDecision.class, RevisionOneDecision.class);
        Serializer revisionOne = JacksonSerializer.builder().objectMapper(revisionOneMapper)
                .revisionResolver(type -> "1").build();
        AxonMongoConfiguration configuration = new AxonMongoConfiguration();
        EventStorageEngine oldWriter = configuration.eventStorageEngine(database, revisionOne, List.of());

        CreditDecision held = new CreditDecision(new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("2000"), BigDecimal.ZERO, 0, false, true, "v1");
        CreditDecision free = new CreditDecision(new BigDecimal("1000"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("10"), BigDecimal.ZERO, 0, false, false, "v1");
        oldWriter.appendEvents(List.of(
                new GenericDomainEventMessage<>("CustomerAccount", "C-1", 0, new OrderBlocked("C-1", "O-1",
                        new BigDecimal("2000"), "EUR", null,
                        List.of(BlockReason.ACCOUNT_ON_HOLD, BlockReason.LIMIT_EXCEEDED), held, "erp")),
                new GenericDomainEventMessage<>("CustomerAccount", "C-1", 1, new OrderAccepted("C-1", "O-2",
                        new BigDecimal("10"), "EUR", null, free, "erp"))));

        EventStorageEngine current = configuration.eventStorageEngine(database, configuration.serializer(),
                List.of(new DecisionOnHoldUpcaster()));
        List<? extends DomainEventMessage<?>> events = current.readEvents("C-1", 0).asStream().toList();

        assertThat(events).hasSize(2);
        OrderBlocked blocked = (OrderBlocked) events.get(0).getPayload();
        OrderAccepted accepted = (OrderAccepted) events.get(1).getPayload();
        assertThat(blocked.decision()).isEqualTo(held);
        assertThat(accepted.decision()).isEqualTo(free);
        // and the decisions replay to what was decided then
        assertThat(CreditPolicy.V1.reasonsFor(blocked.decision())).isEqualTo(blocked.reasons());
        assertThat(CreditPolicy.V1.reasonsFor(accepted.decision())).isEmpty();
    }
}
