package com.creditdesk.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the event store and the projections live. There is no default URI: production names its
 * MongoDB, the standalone mode and the tests name their embedded server.
 */
@ConfigurationProperties("creditdesk.mongo")
public record StoreProperties(String uri, String database) {

    public StoreProperties {
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("creditdesk.mongo.uri is not set: name the MongoDB to use");
        }
        database = database == null || database.isBlank() ? "creditdesk" : database;
    }
}
