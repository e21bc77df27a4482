package com.creditdesk.standalone;

import com.creditdesk.command.CommandSideApplication;
import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.ProjectedViews;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.creditdesk.standalone.support.SampleHistory;
import com.creditdesk.standalone.support.SideProcess;
import com.creditdesk.standalone.support.SideProcess.Side;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The query side killed (kill -9) twice: while it applies a stream of new events, and in the middle
 * of a rebuild. After each restart it goes on from its tokens; its views then equal those of a fresh
 * rebuild from the first event — nothing lost, nothing counted twice — and a half-done rebuild never
 * touched the live views.
 */
class QuerySideCrashTest {
    private static EmbeddedMongo store;
    private static MongoClient mongo;
    private static ConfigurableApplicationContext commandSide;
    private static CommandGateway commands;
    private static SideProcess querySide;

    @BeforeAll
    static void start() {
        store = EmbeddedMongo.start("127.0.0.1", 0, RunningCreditDesk.tempDir());
        mongo = MongoClients.create(store.connectionString());
        // the command side in this JVM, so the history is written fast through its gateway
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class, OwnNettyResources.class)
                .properties("spring.config.name=" + CommandSideApplication.CONFIG_NAME + ",standalone")
                .run("--creditdesk.mongo.uri=" + store.connectionString(), "--server.port=0");
        commands = commandSide.getBean(CommandGateway.class);
        SampleHistory.write(commands, "C-Q", 100);
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        commandSide.close();
        mongo.close();
        store.close();
    }

    @Test
    void afterAKillUnderLoadAndAKillDuringARebuildTheViewsEqualAFreshRebuild() {
        querySide = SideProcess.start(Side.QUERY, "crash-query-side", store.connectionString());
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> SampleHistory.write(commands, "C-QL", 40));
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                .until(() -> position(ProjectedViews.status(querySide.api())) > 1_000);
        querySide.kill(); // while applying the history and the load still coming in
        load.join();
        querySide = querySide.restart();
        ProjectedViews.awaitCaughtUp(querySide.api(), Duration.ofMinutes(3));
        Map<String, List<String>> afterKillUnderLoad = views();
        assertThat(afterKillUnderLoad.get("accounts")).as("every account once").hasSize(140);

        Api queries = querySide.api();
        assertThat(queries.post("admin", "/api/admin/projections/projections/replay", Map.of()).status()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> rebuiltUpTo(ProjectedViews.status(queries)) > 500);
        querySide.kill(); // half-way through the rebuild
        assertThat(collectionNames()).as("the crash left a half-built rebuild").anyMatch(name -> name.endsWith("_rebuild"));
        querySide = querySide.restart();
        ProjectedViews.awaitCaughtUp(querySide.api(), Duration.ofMinutes(3));
        assertThat(views()).as("a rebuild cut off by a crash leaves the live views as they were")
                .isEqualTo(afterKillUnderLoad);

        assertThat(querySide.api().post("admin", "/api/admin/projections/projections/replay", Map.of()).status())
                .isEqualTo(202);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                .until(() -> ProjectedViews.status(querySide.api()).get("replay").isNull());
        ProjectedViews.awaitCaughtUp(querySide.api(), Duration.ofMinutes(1));
        assertThat(views()).as("the views after both crashes equal a fresh rebuild from the first event")
                .isEqualTo(afterKillUnderLoad);
        assertThat(collectionNames()).noneMatch(name -> name.endsWith("_rebuild"));
    }

    private static long position(JsonNode status) {
        JsonNode position = status.get("position");
        return position.isNumber() ? position.asLong() : -1;
    }

    private static long rebuiltUpTo(JsonNode status) {
        JsonNode replay = status.get("replay");
        return replay.isObject() && replay.get("position").isNumber() ? replay.get("position").asLong() : -1;
    }

    private static MongoDatabase database() {
        return mongo.getDatabase("creditdesk");
    }

    private static Map<String, List<String>> views() {
        return ProjectedViews.read(database());
    }

    private static List<String> collectionNames() {
        return database().listCollectionNames().into(new ArrayList<>());
    }
}
