package com.creditdesk.benchmarks;

import com.creditdesk.command.CommandSideApplication;
import com.creditdesk.platform.clock.CreditDeskClock;
import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.query.QuerySideApplication;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.config.EventProcessingConfiguration;
import org.slf4j.LoggerFactory;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Credit Desk exactly as the standalone mode runs it: the embedded store (mongo-java-server, H2 file
 * under the data folder) on TCP, then the command side and the query side as two Spring Boot apps
 * sharing one clock. This mirrors {@code CreditDeskStandalone.start}: the standalone module publishes
 * only its repackaged fat jar, which cannot be a dependency. Switch to it once that module attaches
 * its fat jar under a classifier (as command-side and query-side do with {@code exec}).
 */
final class SystemUnderTest implements AutoCloseable {
    /** The users a benchmark client needs; the standalone's demo users, with the same names. */
    private static final Map<String, Object> USERS = Map.ofEntries(
            Map.entry("creditdesk.security.users[0].username", "erp"),
            Map.entry("creditdesk.security.users[0].password", "{noop}erp"),
            Map.entry("creditdesk.security.users[0].roles[0]", "INTEGRATION"),
            Map.entry("creditdesk.security.users[1].username", "credit1"),
            Map.entry("creditdesk.security.users[1].password", "{noop}credit1"),
            Map.entry("creditdesk.security.users[1].roles[0]", "CREDIT"),
            Map.entry("creditdesk.security.users[2].username", "sales1"),
            Map.entry("creditdesk.security.users[2].password", "{noop}sales1"),
            Map.entry("creditdesk.security.users[2].roles[0]", "SALES"),
            Map.entry("creditdesk.security.users[3].username", "analyst1"),
            Map.entry("creditdesk.security.users[3].password", "{noop}analyst1"),
            Map.entry("creditdesk.security.users[3].roles[0]", "ANALYST"));

    private final EmbeddedMongo store;
    private final MongoClient clockClient;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private SystemUnderTest(EmbeddedMongo store, MongoClient clockClient, ConfigurableApplicationContext commandSide,
                            ConfigurableApplicationContext querySide) {
        this.store = store;
        this.clockClient = clockClient;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    static SystemUnderTest start(Path dataDir) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        // the store starts before Spring sets up logging: quiet its connection chatter from the start
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        EmbeddedMongo store = EmbeddedMongo.start("127.0.0.1", 0, dataDir);
        Map<String, Object> common = new HashMap<>(USERS);
        common.put("creditdesk.mongo.uri", store.connectionString());
        common.put("creditdesk.clock.adjustable", "true");
        MongoClient clockClient = MongoClients.create(store.connectionString());
        ConfigurableApplicationContext commandSide = null;
        try {
            CreditDeskClock clock = CreditDeskClock.install(clockClient.getDatabase("creditdesk"), true);
            commandSide = side(CommandSideApplication.class, CommandSideApplication.CONFIG_NAME, common, clock);
            ConfigurableApplicationContext querySide =
                    side(QuerySideApplication.class, QuerySideApplication.CONFIG_NAME, common, clock);
            return new SystemUnderTest(store, clockClient, commandSide, querySide);
        } catch (RuntimeException e) {
            if (commandSide != null) {
                commandSide.close();
            }
            clockClient.close();
            store.close();
            throw e;
        }
    }

    private static ConfigurableApplicationContext side(Class<?> application, String configName,
                                                       Map<String, Object> common, CreditDeskClock clock) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.put("server.port", 0);
        return new SpringApplicationBuilder(application)
                // read before the initializers run, as logging is set up first; WARN keeps the output to the figures
                .properties("spring.config.name=" + configName, "logging.level.root=WARN")
                .initializers(context -> {
                    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
                    context.getBeanFactory().registerSingleton("creditDeskClock", clock);
                })
                .run();
    }

    int commandPort() {
        return port(commandSide);
    }

    int queryPort() {
        return port(querySide);
    }

    String storeConnectionString() {
        return store.connectionString();
    }

    ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    ConfigurableApplicationContext querySide() {
        return querySide;
    }

    /** The query side's streaming processors (the projections), whatever their names. */
    List<StreamingEventProcessor> projections() {
        return querySide.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    /** The command side's streaming processors (the dunning timers and reminder mail). */
    List<StreamingEventProcessor> commandProcessors() {
        return commandSide.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
        clockClient.close();
        store.close();
    }
}
