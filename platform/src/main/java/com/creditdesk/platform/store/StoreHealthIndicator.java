package com.creditdesk.platform.store;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health follows the store: DOWN while MongoDB cannot be reached, UP again as soon as it answers. */
@Component("store")
public class StoreHealthIndicator extends AbstractHealthIndicator {
    private final MongoDatabase database;

    public StoreHealthIndicator(MongoDatabase database) {
        super("the store cannot be reached");
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName()).withDetail("ping", answer.get("ok"));
    }
}
