package com.creditdesk.standalone;

import com.creditdesk.command.CommandSideApplication;
import com.creditdesk.platform.clock.CreditDeskClock;
import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.query.QuerySideApplication;
import com.creditdesk.standalone.demo.DemoPortfolio;
import com.creditdesk.standalone.demo.DemoTarget;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Credit Desk in one process: the embedded store (mongo-java-server on TCP, persisted with H2 under
 * the data folder), then the command side and the query side as two Spring Boot applications that
 * share one clock. Each side talks to the store over the MongoDB wire protocol exactly as it would
 * to a real MongoDB.
 */
public final class CreditDeskStandalone implements AutoCloseable, DemoTarget {
    private static final Logger log = LoggerFactory.getLogger(CreditDeskStandalone.class);
    private static final String DEMO_FLAG = "--demo";

    private final EmbeddedMongo store;
    private final MongoClient clockClient;
    private final CreditDeskClock clock;
    private final ConfigurableApplicationContext commandSide;
    private final ConfigurableApplicationContext querySide;

    private CreditDeskStandalone(EmbeddedMongo store, MongoClient clockClient, CreditDeskClock clock,
                                 ConfigurableApplicationContext commandSide, ConfigurableApplicationContext querySide) {
        this.store = store;
        this.clockClient = clockClient;
        this.clock = clock;
        this.commandSide = commandSide;
        this.querySide = querySide;
    }

    /** Settings of one run; port 0 picks a free port. */
    public record Settings(Path dataDir, String storeHost, int storePort, int commandPort, int queryPort,
                           Map<String, Object> extraProperties) {

        public static Settings fromEnvironment() {
            return new Settings(Path.of(env("CREDITDESK_DATA_DIR", "data")), "127.0.0.1",
                    Integer.parseInt(env("CREDITDESK_STORE_PORT", "27018")),
                    Integer.parseInt(env("CREDITDESK_COMMAND_PORT", "8080")),
                    Integer.parseInt(env("CREDITDESK_QUERY_PORT", "8081")), Map.of());
        }

        static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? System.getProperty(name, fallback) : value;
        }
    }

    /**
     * {@code --demo} (or {@code CREDITDESK_DEMO=true}) generates the demo portfolio on an empty data folder, a year of
     * history for {@code CREDITDESK_DEMO_CUSTOMERS} customers (300 by default); other arguments go to Spring Boot.
     */
    public static void main(String[] args) {
        long started = System.nanoTime();
        DemoPortfolio demo = demoAskedFor(args);
        CreditDeskStandalone app;
        try {
            app = start(Settings.fromEnvironment(), demo == null ? null : demo.historyStart(),
                    Arrays.stream(args).filter(arg -> !arg.equals(DEMO_FLAG)).toArray(String[]::new));
        } catch (RuntimeException e) {
            log.error("Credit Desk could not start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "credit-desk-shutdown"));
        log.info("Credit Desk is up in {} ms: commands on :{}, queries on :{}, store {} (data in {})",
                Duration.ofNanos(System.nanoTime() - started).toMillis(), app.commandPort(), app.queryPort(),
                app.store.connectionString(), Settings.fromEnvironment().dataDir().toAbsolutePath());
        if (demo != null) {
            try {
                demo.generateIfEmpty(app);
            } catch (RuntimeException e) {
                log.error("The demo portfolio could not be generated: {}; stop, remove the data folder and start "
                        + "again", e.getMessage(), e);
            }
        }
    }

    private static DemoPortfolio demoAskedFor(String[] args) {
        if (!Arrays.asList(args).contains(DEMO_FLAG) && !Boolean.parseBoolean(Settings.env("CREDITDESK_DEMO", "false"))) {
            return null;
        }
        return new DemoPortfolio(Integer.parseInt(Settings.env("CREDITDESK_DEMO_CUSTOMERS",
                String.valueOf(DemoPortfolio.DEFAULT_CUSTOMERS))));
    }

    public static CreditDeskStandalone start(Settings settings, String... args) {
        return start(settings, null, args);
    }

    /**
     * Starts as {@link #start(Settings, String...)} does, with the clock first set back to {@code historyFrom} if the
     * store is still empty, so that a history can then be recorded as it happened (the demo portfolio).
     */
    public static CreditDeskStandalone start(Settings settings, Instant historyFrom, String... args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        EmbeddedMongo store = EmbeddedMongo.start(settings.storeHost(), settings.storePort(), settings.dataDir());
        Map<String, Object> common = new HashMap<>(settings.extraProperties());
        common.put("creditdesk.mongo.uri", store.connectionString());
        common.putIfAbsent("creditdesk.clock.adjustable", "true");
        // a folder to drop the bank's CAMT.053 files in, beside the store's data
        common.putIfAbsent("creditdesk.bank-statements.folder.path",
                settings.dataDir().resolve("bank-statements").toAbsolutePath().toString());
        MongoClient clockClient = MongoClients.create(store.connectionString());
        ConfigurableApplicationContext commandSide = null;
        // one clock for both sides, so a moved clock is the same time for commands and views
        CreditDeskClock clock = CreditDeskClock.install(clockClient.getDatabase("creditdesk"),
                Boolean.parseBoolean(String.valueOf(common.get("creditdesk.clock.adjustable"))));
        if (historyFrom != null && clock.adjustable() && clock.nothingRecorded()) {
            clock.startHistoryAt(historyFrom); // before the sides start: once running, a clock only moves forward
        }
        try {
            commandSide = side(CommandSideApplication.class,
                    CommandSideApplication.CONFIG_NAME, settings.commandPort(), common, clock, args);
            ConfigurableApplicationContext querySide = side(QuerySideApplication.class,
                    QuerySideApplication.CONFIG_NAME, settings.queryPort(), common, clock, args);
            return new CreditDeskStandalone(store, clockClient, clock, commandSide, querySide);
        } catch (RuntimeException e) {
            if (commandSide != null) {
                commandSide.close();
            }
            clock.uninstall();
            clockClient.close();
            store.close();
            throw e;
        }
    }

    /**
     * One more query side on this store and clock, as a scaled-out deployment runs several (the tests
     * start them this way); port 0 picks a free port. The caller closes it.
     */
    public ConfigurableApplicationContext startQuerySide(int port, Map<String, Object> extraProperties) {
        Map<String, Object> common = new HashMap<>(extraProperties);
        common.put("creditdesk.mongo.uri", store.connectionString());
        common.putIfAbsent("creditdesk.clock.adjustable", String.valueOf(clock.adjustable()));
        return side(QuerySideApplication.class, QuerySideApplication.CONFIG_NAME, port, common, clock);
    }

    private static ConfigurableApplicationContext side(Class<?> application, String configName, int port,
                                                       Map<String, Object> common, CreditDeskClock clock,
                                                       String... args) {
        Map<String, Object> properties = new HashMap<>(common);
        properties.put("server.port", port);
        return new SpringApplicationBuilder(application, OwnNettyResources.class)
                .properties("spring.config.name=" + configName + ",standalone")
                .initializers(context -> {
                    // these win over the side's own configuration file, which names production's ports and store
                    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("standalone", properties));
                    context.getBeanFactory().registerSingleton("creditDeskClock", clock);
                })
                .run(args);
    }

    @Override
    public int commandPort() {
        return port(commandSide);
    }

    @Override
    public int queryPort() {
        return port(querySide);
    }

    public String storeConnectionString() {
        return store.connectionString();
    }

    /** The embedded store, for tests that take it away and bring it back. */
    public EmbeddedMongo store() {
        return store;
    }

    /** The one clock both sides share. */
    @Override
    public CreditDeskClock clock() {
        return clock;
    }

    /** The global index of the last event in the store, 0 when it is empty. */
    @Override
    public long eventsRecorded() {
        TrackingToken head = commandSide.getBean(EventStore.class).createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    public ConfigurableApplicationContext commandSide() {
        return commandSide;
    }

    public ConfigurableApplicationContext querySide() {
        return querySide;
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    @Override
    public void close() {
        querySide.close();
        commandSide.close();
        clock.uninstall();
        clockClient.close();
        store.close();
    }
}
