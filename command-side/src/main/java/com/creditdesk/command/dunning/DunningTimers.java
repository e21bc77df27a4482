package com.creditdesk.command.dunning;

import com.creditdesk.api.dunning.DunningCommands.AdvanceDunning;
import com.creditdesk.api.dunning.DunningCommands.OpenCourtesyCall;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.signal.SignalCommands.OpenDueReview;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.platform.clock.CreditDeskClock;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventHandler;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.navigation.AmountRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The persistent timers of dunning (and of periodic credit reviews and courtesy calls, the same way), kept by JobRunr in
 * MongoDB. Each planned moment
 * ({@link DunningScheduled}) becomes one job with an id derived from what it plans, so replaying the
 * events never plans it twice; jobs that fell due while the system was down run when it starts.
 * A job only asks the account to advance: the account knows which steps are due and records each
 * one once, so a job that runs twice or early changes nothing.
 * <p>
 * JobRunr compares with the wall clock, while Credit Desk runs on its own clock, which may have been
 * moved forward: a job is scheduled at its moment minus the clock's lead, and when the clock moves
 * again, {@link #clockMoved()} fires what fell due (in order) and, once the clock has stood still for
 * a moment, moves the rest. Moving them one by one costs a write each: a demo or test that moves the
 * clock day after day would otherwise rewrite every waiting timer at every step. Until they are moved,
 * waiting timers can only fire late, never early: the clock's lead only grows.
 */
@Component
@ProcessingGroup(DunningTimers.GROUP)
public class DunningTimers implements DisposableBean {
    public static final String GROUP = "dunning-timers";
    private static final Logger log = LoggerFactory.getLogger(DunningTimers.class);
    private static final int MAX_TIMERS = 100_000;

    private static final Duration CATCH_UP = Duration.ofSeconds(10);
    /** How long the clock stands still after a move before the waiting timers follow it. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private final JobScheduler jobs;
    private final StorageProvider jobStore;
    private final CreditDeskClock clock;
    private final CommandGateway commands;
    private final EventStore events;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ScheduledExecutorService settling = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dunning-timers-settle");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> waitingToMove; // guarded by this
    private final AtomicLong moves = new AtomicLong();

    DunningTimers(JobScheduler jobs, StorageProvider jobStore, CreditDeskClock clock, CommandGateway commands,
                  EventStore events, ObjectProvider<EventProcessingConfiguration> processing) {
        this.jobs = jobs;
        this.jobStore = jobStore;
        this.clock = clock;
        this.commands = commands;
        this.events = events;
        this.processing = processing;
    }

    @EventHandler
    void on(DunningScheduled event) {
        String customerId = event.customerId();
        String invoiceId = event.invoiceId();
        String dueAt = event.dueOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        UUID id = UUID.nameUUIDFromBytes(String.join("/", customerId, invoiceId, event.step().name(), dueAt)
                .getBytes(StandardCharsets.UTF_8));
        jobs.<DunningTimers>schedule(id, onWallClock(Instant.parse(dueAt)),
                timers -> timers.fire(customerId, invoiceId, dueAt));
    }

    /** A periodic credit review's day: the same kind of timer, one per planned day, latest plan counts. */
    @EventHandler
    void on(ReviewScheduled event) {
        String customerId = event.customerId();
        String dueAt = event.dueOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        UUID id = UUID.nameUUIDFromBytes(String.join("/", customerId, "review", dueAt)
                .getBytes(StandardCharsets.UTF_8));
        jobs.<DunningTimers>schedule(id, onWallClock(Instant.parse(dueAt)),
                timers -> timers.fireReview(customerId, dueAt));
    }

    /** A courtesy call's day: the same kind of timer, one per invoice and day. */
    @EventHandler
    void on(CourtesyCallScheduled event) {
        String customerId = event.customerId();
        String invoiceId = event.invoiceId();
        String dueAt = event.callOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString();
        UUID id = UUID.nameUUIDFromBytes(String.join("/", customerId, invoiceId, "courtesy-call", dueAt)
                .getBytes(StandardCharsets.UTF_8));
        jobs.<DunningTimers>schedule(id, onWallClock(Instant.parse(dueAt)),
                timers -> timers.fireCourtesyCall(customerId, invoiceId, dueAt));
    }

    /** Run by JobRunr when the moment has come. */
    public void fire(String customerId, String invoiceId, String dueAt) {
        log.debug("dunning timer of invoice {} ({}) fires", invoiceId, dueAt);
        commands.sendAndWait(new AdvanceDunning(customerId, invoiceId));
    }

    /** Run by JobRunr on a review's day; the account opens the review only if it is still due then. */
    public void fireReview(String customerId, String dueAt) {
        log.debug("review timer of account {} ({}) fires", customerId, dueAt);
        commands.sendAndWait(new OpenDueReview(customerId));
    }

    /** Run by JobRunr on a courtesy call's day; the account makes it a task only if it is still needed. */
    public void fireCourtesyCall(String customerId, String invoiceId, String dueAt) {
        log.debug("courtesy-call timer of invoice {} ({}) fires", invoiceId, dueAt);
        commands.sendAndWait(new OpenCourtesyCall(customerId, invoiceId));
    }

    /** Runs a job now, as JobRunr would: the method it names, with its arguments. */
    private void run(Job job) {
        Object[] arguments = job.getJobDetails().getJobParameterValues();
        switch (job.getJobDetails().getMethodName()) {
            case "fireReview" -> fireReview((String) arguments[0], (String) arguments[1]);
            case "fireCourtesyCall" -> fireCourtesyCall((String) arguments[0], (String) arguments[1],
                    (String) arguments[2]);
            default -> fire((String) arguments[0], (String) arguments[1], (String) arguments[2]);
        }
    }

    /**
     * After the clock moved forward: fires every timer whose moment has come, oldest first, before
     * answering; the others are moved to their moment on the new clock once it stands still.
     */
    public void clockMoved() {
        moves.incrementAndGet(); // a move of the waiting timers under way gives way
        synchronized (this) {
            fireDue();
        }
    }

    private void fireDue() {
        awaitPlansRecordedSoFar();
        Instant now = clock.instant();
        List<Job> due = new ArrayList<>(scheduledJobs().stream().filter(job -> !dueAt(job).isAfter(now)).toList());
        due.sort(Comparator.comparing(DunningTimers::dueAt));
        for (Job job : due) {
            try {
                run(job);
                jobStore.deletePermanently(job.getId());
            } catch (RuntimeException e) {
                // left scheduled: JobRunr runs it on its next poll and retries it if it fails again
                log.warn("timer {} failed after the clock moved: {}", job.getJobName(), e.toString());
            }
        }
        if (waitingToMove != null) {
            waitingToMove.cancel(false);
        }
        waitingToMove = settling.schedule(this::moveWaitingTimers, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Moves every waiting timer to its moment on the clock as it stands now, unless the clock moves again. */
    synchronized void moveWaitingTimers() {
        long move = moves.get();
        waitingToMove = null;
        try {
            for (Job job : scheduledJobs()) {
                if (moves.get() != move) {
                    return; // the timers move once that move has settled
                }
                job.scheduleAt(onWallClock(dueAt(job)), "the clock moved");
                jobStore.save(job);
            }
        } catch (RuntimeException e) {
            log.warn("the waiting dunning timers could not follow the clock: {}", e.toString());
        }
    }

    /** A move still waiting for the clock to stand still is made before the store goes away. */
    @Override
    public void destroy() {
        synchronized (this) {
            if (waitingToMove != null) {
                waitingToMove.cancel(false);
                moveWaitingTimers();
            }
        }
        settling.shutdownNow();
    }

    /**
     * Whether the timers are at rest: every step recorded so far has been planned (this processor has
     * reached the head of the store), and every timer whose moment has come on Credit Desk's clock has
     * run (none is due and still waiting, none is enqueued or running). At rest, no step fires until
     * the clock reaches the next waiting timer's moment; tests wait for this before they check that
     * nothing more fired.
     */
    public boolean atRest() {
        if (segments().isEmpty() || !plannedUpTo(head())) {
            return false; // not running here yet, or steps recorded that are not planned yet
        }
        Instant now = clock.instant();
        return jobStore.countJobs(StateName.ENQUEUED) == 0 && jobStore.countJobs(StateName.PROCESSING) == 0
                && scheduledJobs().stream().allMatch(job -> dueAt(job).isAfter(now));
    }

    /**
     * Timers are planned from events, a moment after they are recorded: before looking at the timers,
     * let this processor reach the head of the store, so a step planned just now is not missed.
     */
    private void awaitPlansRecordedSoFar() {
        long head = head();
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (System.nanoTime() < deadline && !plannedUpTo(head)) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    private long head() {
        TrackingToken headToken = events.createHeadToken();
        return headToken == null ? -1 : headToken.position().orElse(-1);
    }

    /** Whether this processor has handled every event up to {@code head}. */
    private boolean plannedUpTo(long head) {
        return segments().stream().noneMatch(status -> status.getCurrentPosition().orElse(-1) < head);
    }

    private Collection<EventTrackerStatus> segments() {
        return processing.getObject().eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow()
                .processingStatus().values();
    }

    /** Every waiting timer: two per open invoice at most (dunning and a courtesy call), so one read holds them all. */
    private List<Job> scheduledJobs() {
        return jobStore.getScheduledJobs(Instant.now().plus(Duration.ofDays(365L * 100)),
                new AmountRequest("scheduledAt:ASC", MAX_TIMERS));
    }

    /** The moment a timer plans: its last argument (a dunning step's, a review's and a courtesy call's alike). */
    private static Instant dueAt(Job job) {
        Object[] arguments = job.getJobDetails().getJobParameterValues();
        return Instant.parse((String) arguments[arguments.length - 1]);
    }

    private Instant onWallClock(Instant onCreditDeskClock) {
        return onCreditDeskClock.minusMillis(clock.millis() - System.currentTimeMillis());
    }
}
