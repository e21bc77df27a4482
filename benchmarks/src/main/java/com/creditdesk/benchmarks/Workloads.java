package com.creditdesk.benchmarks;

import com.creditdesk.benchmarks.Clients.Client;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** The client workloads: closed-loop order throughput and open-loop command → visible latency. */
final class Workloads {
    private static final long MAX_VISIBILITY_NANOS = TimeUnit.SECONDS.toNanos(30);

    record Throughput(String client, String workload, int threads, long ok, long errors, double opsPerSecond,
                      double p50Millis, double p99Millis, String firstError) {
    }

    record Visibility(String client, double targetRate, double achievedRate, long commands, long errors,
                      long samples, long timedOut, long skipped, double p50Millis, double p99Millis,
                      double maxMillis, double commandP50Millis, double commandP99Millis, String firstError) {
    }

    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong orderIds = new AtomicLong();

    private String nextOrderId() {
        return "BO-" + runId + "-" + orderIds.incrementAndGet();
    }

    /**
     * Closed loop: {@code threads} clients each place orders back to back for the duration. Counts
     * recorded orders; anything else is an error. The rate is over the time until the last client finished.
     */
    /** One order on each of the accounts, on {@code threads} client threads; errors are not counted. */
    void placeOrdersOnEach(Client client, String workload, int threads, List<String> accounts) {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = next.getAndIncrement(); i < accounts.size(); i = next.getAndIncrement()) {
                    client.placeOrder(accounts.get(i), nextOrderId()).join();
                }
                done.countDown();
            }, workload + "-" + t).start();
        }
        await(done);
    }

    Throughput placeOrders(Client client, String workload, int threads, Duration duration, Supplier<String> account) {
        Recorder latencies = new Recorder(3);
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(threads);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    long sent = System.nanoTime();
                    String error = client.placeOrder(account.get(), nextOrderId()).join();
                    if (error == null) {
                        latencies.recordValue((System.nanoTime() - sent) / 1000);
                        ok.incrementAndGet();
                    } else {
                        firstError.compareAndSet(null, error);
                        errors.incrementAndGet();
                    }
                }
                done.countDown();
            }, "client-" + t).start();
        }
        await(done);
        double seconds = (System.nanoTime() - started) / 1e9;
        Histogram h = latencies.getIntervalHistogram();
        return new Throughput(client.name(), workload, threads, ok.get(), errors.get(), ok.get() / seconds,
                millis(h, 50), millis(h, 99), firstError.get());
    }

    /**
     * Open loop at a steady rate (a send is never held back by a slow answer). Every
     * {@code sampleEvery}-th order goes to a probe account that nothing else writes; once the command
     * is answered, the exposure {@code visible} reports for that account (its live stream's last event)
     * is checked every {@code checkInterval} until it includes the order. The latency runs from the send
     * to the first check that shows it. The other orders are load on the pool.
     */
    Visibility visibility(Client client, double rate, Duration duration, int sampleEvery, Duration checkInterval,
                          List<String> probeAccounts, Supplier<String> loadAccount,
                          java.util.function.Function<String, BigDecimal> visible) {
        ConcurrentLinkedQueue<Probe> freeProbes = new ConcurrentLinkedQueue<>();
        probeAccounts.forEach(id -> freeProbes.add(new Probe(id, visible.apply(id))));
        Recorder commandLatencies = new Recorder(3);
        Recorder visibleLatencies = new Recorder(3);
        AtomicLong errors = new AtomicLong();
        AtomicLong samples = new AtomicLong();
        AtomicLong timedOut = new AtomicLong();
        AtomicLong pending = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        // one poller thread: polling must not compete with the system for the machine's two cores
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = (long) (1e9 / rate);
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        long commands = 0;
        long skipped = 0;
        for (long i = 0; started + i * periodNanos < deadline; i++) {
            LockSupport.parkNanos(started + i * periodNanos - System.nanoTime());
            boolean sample = i % sampleEvery == 0;
            Probe probe = sample ? freeProbes.poll() : null;
            if (sample && probe == null) {
                skipped++; // every probe account still waits for its last order to show: send load instead
            }
            String customerId = probe != null ? probe.customerId : loadAccount.get();
            long sent = System.nanoTime();
            commands++;
            pending.incrementAndGet();
            client.placeOrder(customerId, nextOrderId()).whenComplete((error, failure) -> {
                if (error == null && failure == null) {
                    commandLatencies.recordValue((System.nanoTime() - sent) / 1000);
                } else {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, error != null ? error : failure.toString());
                }
                if (probe != null && error == null && failure == null) {
                    probe.expected = probe.expected.add(StoreFiller.ORDER_AMOUNT);
                    samples.incrementAndGet();
                    poller.execute(new Poll(visible, probe, sent, poller, checkInterval, () -> {
                        long latency = System.nanoTime() - sent;
                        if (latency >= MAX_VISIBILITY_NANOS) {
                            timedOut.incrementAndGet();
                        } else {
                            visibleLatencies.recordValue(latency / 1000);
                        }
                        freeProbes.add(probe);
                        pending.decrementAndGet();
                    }));
                } else {
                    if (probe != null) {
                        freeProbes.add(probe);
                    }
                    pending.decrementAndGet();
                }
            });
        }
        double achieved = commands / ((System.nanoTime() - started) / 1e9);
        long waitUntil = System.nanoTime() + MAX_VISIBILITY_NANOS + TimeUnit.SECONDS.toNanos(5);
        while (pending.get() > 0 && System.nanoTime() < waitUntil) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        poller.shutdownNow();
        Histogram c = commandLatencies.getIntervalHistogram();
        Histogram v = visibleLatencies.getIntervalHistogram();
        return new Visibility(client.name(), rate, achieved, commands, errors.get(), samples.get(), timedOut.get(),
                skipped, millis(v, 50), millis(v, 99), v.getTotalCount() == 0 ? Double.NaN : v.getMaxValue() / 1000.0,
                millis(c, 50), millis(c, 99), firstError.get());
    }

    /** A probe account and the exposure its view must reach. Only one order of it is in flight at a time. */
    private static final class Probe {
        final String customerId;
        volatile BigDecimal expected;

        Probe(String customerId, BigDecimal exposure) {
            this.customerId = customerId;
            this.expected = exposure;
        }
    }

    /** Checks one probe until its visible exposure includes the order, or gives up after 30 s. */
    private record Poll(java.util.function.Function<String, BigDecimal> visible, Probe probe, long sent,
                        ScheduledExecutorService poller, Duration interval, Runnable done) implements Runnable {
        @Override
        public void run() {
            if (visible.apply(probe.customerId).compareTo(probe.expected) >= 0
                    || System.nanoTime() - sent >= MAX_VISIBILITY_NANOS) {
                done.run();
            } else if (!poller.isShutdown()) {
                poller.schedule(this, interval.toNanos(), TimeUnit.NANOSECONDS);
            }
        }
    }

    /** Opens accounts over HTTP with a limit no order here reaches. */
    List<String> openAccounts(Http http, String prefix, int count) {
        return openAccounts(http, prefix, count, "sales1", true);
    }

    /** Opens accounts of {@code accountManager}; without a limit (0) every order on them is blocked. */
    List<String> openAccounts(Http http, String prefix, int count, String accountManager, boolean withLimit) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + runId + "-" + i;
            String opened = "{\"customerId\":\"" + id + "\",\"name\":\"Probe " + id + "\",\"segment\":\"SMB\","
                    + "\"currency\":\"EUR\",\"accountManager\":\"" + accountManager + "\",\"language\":\"nl\"}";
            String limit = "{\"amount\":" + StoreFiller.HUGE_LIMIT.toPlainString()
                    + ",\"source\":\"ANALYST\",\"reason\":\"benchmark\"}";
            HttpResponse<String> a = http.send(http.command("POST", "/api/accounts", "erp", opened));
            HttpResponse<String> b = withLimit ? http.send(http.command("PUT", "/api/accounts/" + id
                    + "/credit-limit", "credit1", limit)) : null;
            if (a.statusCode() != 201 || b != null && b.statusCode() != 200) {
                throw new IllegalStateException("cannot open probe account " + id + ": " + Clients.problem(a)
                        + (b == null ? "" : " / " + Clients.problem(b)));
            }
            ids.add(id);
        }
        return ids;
    }

    /** True once every account's view exists, false if not within the time. */
    static boolean awaitViews(Client client, List<String> customerIds, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String id : customerIds) {
            while (client.exposure(id).signum() < 0) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        return true;
    }

    static Supplier<String> randomOf(List<String> accounts) {
        return () -> accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
    }

    private static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
