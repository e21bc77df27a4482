package com.creditdesk.benchmarks;

import com.creditdesk.benchmarks.Clients.Client;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Command → visible on a live view's stream: open loop at a steady rate (a send is never held back by a slow
 * answer), orders on the pool as load, and every n-th command a probe whose effect has a key of its own in the
 * view (the id of a new blocked order in the sales view, of a new release request in the finance view). Once
 * visible, a probe is resolved as the desk would (the order cancelled, the request decided), so the worklists keep
 * the size they have in business instead of growing by every probe.
 */
final class StreamVisibility {
    private static final long MAX_VISIBILITY_NANOS = TimeUnit.SECONDS.toNanos(30);

    /**
     * One probe command: the key that shows it in the view, how to send it, and how to resolve what it created once
     * it is visible (each completes with null if recorded, else why not).
     */
    record Probe(String key, Supplier<CompletableFuture<String>> send, Supplier<CompletableFuture<String>> resolve) {
    }

    /** The figures, with what was followed: the stream, the probe command, and the payloads the stream sent. */
    record Result(String stream, String probe, Workloads.Visibility figures, long payloads, double payloadMb) {
    }

    private StreamVisibility() {
    }

    static Result measure(String streamName, String probeName, ViewStream stream, Client client, double rate,
                          Duration duration, int sampleEvery, Supplier<String> loadAccount, Supplier<String> orderIds,
                          Supplier<Probe> probes) {
        Recorder commandLatencies = new Recorder(3);
        Recorder visibleLatencies = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        long payloadsBefore = stream.payloads();
        long bytesBefore = stream.bytes();
        long periodNanos = (long) (1e9 / rate);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long commands = 0;
        long skipped = 0;
        for (long i = 0; started + i * periodNanos < deadline; i++) {
            LockSupport.parkNanos(started + i * periodNanos - System.nanoTime());
            Probe probe = i % sampleEvery == 0 ? probes.get() : null;
            if (i % sampleEvery == 0 && probe == null) {
                skipped++; // nothing left to probe with: send load instead
            }
            long sent = System.nanoTime();
            commands++;
            pending.incrementAndGet();
            if (probe != null) {
                samples.incrementAndGet();
                pending.incrementAndGet(); // the answer and the payload, whichever comes last
                stream.await(probe.key(), at -> {
                    if (at - sent < MAX_VISIBILITY_NANOS) {
                        visibleLatencies.recordValue((at - sent) / 1000);
                    }
                    pending.incrementAndGet(); // the resolution, besides the rate's commands
                    probe.resolve().get().whenComplete((error, failure) -> {
                        if (error != null || failure != null) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, "resolving: " + (error != null ? error : failure));
                        }
                        pending.decrementAndGet();
                    });
                    pending.decrementAndGet();
                });
            }
            CompletableFuture<String> answer = probe != null ? probe.send().get()
                    : client.placeOrder(loadAccount.get(), orderIds.get());
            answer.whenComplete((error, failure) -> {
                if (error == null && failure == null) {
                    commandLatencies.recordValue((System.nanoTime() - sent) / 1000);
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, error != null ? error : failure.toString());
                    if (probe != null) {
                        stream.forget(probe.key());
                        samples.decrementAndGet();
                        pending.decrementAndGet();
                    }
                }
                pending.decrementAndGet();
            });
        }
        double achieved = commands / ((System.nanoTime() - started) / 1e9);
        long waitUntil = System.nanoTime() + MAX_VISIBILITY_NANOS;
        while (pending.get() > 0 && System.nanoTime() < waitUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        Histogram c = commandLatencies.getIntervalHistogram();
        Histogram v = visibleLatencies.getIntervalHistogram();
        long timedOut = Math.max(0, samples.get() - v.getTotalCount());
        Workloads.Visibility figures = new Workloads.Visibility(client.name(), rate, achieved, commands, errors.get(),
                samples.get(), timedOut, skipped, millis(v, 50), millis(v, 99),
                v.getTotalCount() == 0 ? Double.NaN : v.getMaxValue() / 1000.0, millis(c, 50), millis(c, 99),
                firstError.get());
        return new Result(streamName, probeName, figures, stream.payloads() - payloadsBefore,
                (stream.bytes() - bytesBefore) / 1e6);
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
