package com.creditdesk.standalone.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Reads a server-sent event stream on its own thread: events (name and JSON data) and comments, as they come. */
public final class EventStreamReader implements AutoCloseable {
    /** One event; a comment has no name and its text as {@code comment}. */
    public record Event(String name, JsonNode data, String comment, long receivedNanos) {
    }

    private final InputStream body;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    public EventStreamReader(HttpResponse<InputStream> response) {
        this.body = response.body();
        Thread reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
                    events.add(new Event(null, null, line.substring(1).trim(), System.nanoTime()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && (name != null || !data.isEmpty())) {
                    events.add(new Event(name, Api.JSON.readTree(data.toString()), null, System.nanoTime()));
                    name = null;
                    data.setLength(0);
                }
            }
        } catch (IOException e) {
            // closed by the test: the stream ends
        }
    }

    /** The next event with a name (comments are skipped), or null after {@code wait}. */
    public Event next(Duration wait) {
        return next(wait, event -> event.name() != null);
    }

    /** The next comment (events before it are dropped), or null after {@code wait}. */
    public Event nextComment(Duration wait) {
        return next(wait, event -> event.comment() != null);
    }

    /** The next event that {@code wanted} accepts (the others before it are dropped), or null after {@code wait}. */
    public Event next(Duration wait, Predicate<Event> wanted) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            for (long left = wait.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                Event event = events.poll(left, TimeUnit.NANOSECONDS);
                if (event == null || wanted.test(event)) {
                    return event;
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
