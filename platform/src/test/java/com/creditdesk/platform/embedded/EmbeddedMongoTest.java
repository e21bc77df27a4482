package com.creditdesk.platform.embedded;

import com.mongodb.MongoNamespace;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.RenameCollectionOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded store on its data file keeps what a real MongoDB keeps, through renames and restarts. */
class EmbeddedMongoTest {
    @TempDir
    Path data;

    /** A blue-green swap, as a projection rebuild does it: fill {@code views_rebuild}, rename it over {@code views}. */
    private static void swapIn(MongoDatabase db, String... ids) {
        MongoCollection<Document> rebuild = db.getCollection("views_rebuild");
        rebuild.drop();
        rebuild.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true));
        for (String id : ids) {
            rebuild.insertOne(new Document("_id", id).append("code", "code-" + id));
        }
        rebuild.renameCollection(new MongoNamespace(db.getName(), "views"), new RenameCollectionOptions().dropTarget(true));
    }

    private void onStore(Consumer<MongoDatabase> use) {
        try (EmbeddedMongo store = EmbeddedMongo.start("127.0.0.1", 0, data);
             MongoClient client = MongoClients.create(store.connectionString())) {
            use.accept(client.getDatabase("creditdesk"));
        }
    }

    private static List<Object> ids(MongoCollection<Document> collection) {
        return collection.find().map(doc -> doc.get("_id")).into(new ArrayList<>());
    }

    @Test
    void aCollectionCreatedAgainUnderARenamedOnesNameStartsEmpty() {
        onStore(db -> {
            db.getCollection("views").insertOne(new Document("_id", "live"));
            swapIn(db, "first");
            swapIn(db, "second");

            assertThat(ids(db.getCollection("views"))).containsExactly("second");
            assertThat(ids(db.getCollection("views_rebuild"))).isEmpty();
        });
    }

    @Test
    void aRenamedCollectionKeepsItsDocumentsAndIndexesAfterARestart() {
        onStore(db -> {
            swapIn(db, "first");
            swapIn(db, "a", "b");
        });

        onStore(db -> {
            MongoCollection<Document> views = db.getCollection("views");
            assertThat(ids(views)).containsExactlyInAnyOrder("a", "b");
            assertThat(views.find(Filters.eq("_id", "b")).first()).isNotNull();
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "a")))
                    .as("the _id index came along").isInstanceOf(MongoWriteException.class);
            assertThatThrownBy(() -> views.insertOne(new Document("_id", "c").append("code", "code-b")))
                    .as("the unique secondary index came along").isInstanceOf(MongoWriteException.class);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).containsExactly("views");
        });
    }
}
