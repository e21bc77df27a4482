package com.creditdesk.standalone.support;

import com.creditdesk.command.CommandSideApplication;
import com.creditdesk.query.QuerySideApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One side of Credit Desk in a JVM of its own against a store given by its address, as production
 * runs it: for faults a process does not survive (kill -9) and for several instances of a side.
 * The side runs with the standalone mode's settings (demo users, adjustable clock); its output
 * goes to {@code target/side-logs}.
 */
public final class SideProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public enum Side {
        COMMAND(CommandSideApplication.class, CommandSideApplication.CONFIG_NAME),
        QUERY(QuerySideApplication.class, QuerySideApplication.CONFIG_NAME);

        private final Class<?> application;
        private final String configName;

        Side(Class<?> application, String configName) {
            this.application = application;
            this.configName = configName;
        }
    }

    private final Side side;
    private final String name;
    private final String storeUri;
    private final int port;
    private final List<String> properties;
    private final Process process;

    private SideProcess(Side side, String name, String storeUri, int port, List<String> properties) {
        this.side = side;
        this.name = name;
        this.storeUri = storeUri;
        this.port = port;
        this.properties = properties;
        this.process = launch();
    }

    /** Starts a side and returns once it answers HTTP; {@code properties} are extra {@code key=value} settings. */
    public static SideProcess start(Side side, String name, String storeUri, String... properties) {
        SideProcess started = new SideProcess(side, name, storeUri, freePort(), List.of(properties));
        started.awaitReady();
        return started;
    }

    /** The same side on the same port, started again (after {@link #kill()} or {@link #stop()}). */
    public SideProcess restart() {
        SideProcess started = new SideProcess(side, name, storeUri, port, properties);
        started.awaitReady();
        return started;
    }

    public Api api() {
        return new Api(port);
    }

    public int port() {
        return port;
    }

    /** kill -9: no shutdown hook runs, nothing is released or flushed. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** A graceful stop (SIGTERM): the side releases what it holds. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private Process launch() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                SideProcess.class.getName(), side.name(),
                "--creditdesk.mongo.uri=" + storeUri, "--server.port=" + port));
        properties.forEach(property -> command.add("--" + property));
        try {
            Path logs = Files.createDirectories(Path.of("target", "side-logs"));
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " process", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " while starting; see target/side-logs/" + name + ".log");
            }
            try {
                HTTP.send(health, HttpResponse.BodyHandlers.discarding());
                return; // it answers: up (200) or telling why it is not (503)
            } catch (IOException e) {
                sleep(Duration.ofMillis(200));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        kill();
        throw new IllegalStateException(name + " did not start in " + START_TIMEOUT);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The side's process: {@code COMMAND|QUERY} then Spring Boot arguments. */
    public static void main(String[] args) {
        Side side = Side.valueOf(args[0]);
        new SpringApplicationBuilder(side.application)
                .properties("spring.config.name=" + side.configName + ",standalone")
                .run(Arrays.copyOfRange(args, 1, args.length));
    }
}
