package com.creditdesk.query.admin;

import com.creditdesk.query.account.AccountCheckpoints;
import com.creditdesk.query.account.AccountProjection;
import com.creditdesk.query.application.ApplicationProjection;
import com.creditdesk.query.common.ProjectionBatch;
import com.creditdesk.query.common.ProjectionProcessing;
import com.creditdesk.query.common.SegmentBalancing;
import com.creditdesk.query.deadletter.DeadLetterQueues;
import com.creditdesk.query.group.GroupProjection;
import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.kpi.CollectionProjection;
import com.creditdesk.query.kpi.KpiProjection;
import com.creditdesk.query.order.OrderProjection;
import com.creditdesk.query.review.ReviewProjection;
import com.creditdesk.query.statement.BankLineProjection;
import com.creditdesk.query.timeline.TimelineProjection;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.RenameCollectionOptions;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A blue-green rebuild of the projections: a second set of the same projection classes writes
 * fresh views into {@code <collection>_rebuild}, fed from the first event by a processor of its own,
 * while the live views go on serving. Once the rebuild has caught up, the live processor stops for
 * a moment, the rebuild takes the last events, every rebuilt collection replaces its live one (a
 * rename per collection) and the live processor goes on from the rebuild's position.
 * <p>
 * If the process dies during a rebuild, the live views were never touched; the half-built
 * collections are dropped when the next rebuild starts.
 * <p>
 * Dead letters: a rebuild never parks or skips an event. Should a projection fail on one, the rebuild
 * is abandoned (the live views and their dead letters stay as they were). A rebuild that takes over
 * has applied every event up to its position, which is at or past every event the live processor had
 * parked, so the letters of the rebuilt groups are cleared with the views they belonged to.
 */
@Component
public class ProjectionReplay {
    static final String SUFFIX = "_rebuild";
    private static final Logger log = LoggerFactory.getLogger(ProjectionReplay.class);
    private static final List<Class<?>> PROJECTIONS = List.of(AccountCheckpoints.class, AccountProjection.class,
            TimelineProjection.class, OrderProjection.class, ReviewProjection.class, InvoiceProjection.class,
            KpiProjection.class, CollectionProjection.class, ApplicationProjection.class,
            GroupProjection.class, BankLineProjection.class);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration FINAL_CATCH_UP = Duration.ofMinutes(2);
    /** Larger than the live processor's: a rebuild reads and writes each batch's documents once (ProjectionBatch). */
    private static final int REBUILD_BATCH = 500;
    private static final Duration OTHERS_PAUSE = Duration.ofSeconds(30);

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final TokenStore tokens;
    private final MongoDatabase database;
    private final DeadLetterQueues deadLetters;
    private final SegmentBalancing balancing;
    private final ViewsVersion version;
    private volatile Rebuild current;
    private volatile Outcome last;

    /** A rebuild under way; {@code processor} reads the store from the first event; {@code failure}: a handler's. */
    record Rebuild(String name, Instant startedAt, TrackingEventProcessor processor,
                   AnnotationConfigApplicationContext projections, AtomicReference<Exception> failure) {
    }

    /** Where a rebuild stands, for the operator. */
    public record Progress(Instant startedAt, Long position) {
    }

    /** How the last rebuild ended: {@code COMPLETED} (it took over) or {@code ABANDONED} (with the reason). */
    public record Outcome(Instant startedAt, Instant endedAt, String outcome, String detail) {
    }

    public ProjectionReplay(ApplicationContext context, EventProcessingConfiguration processing, EventStore events,
                            TokenStore tokens, MongoDatabase database, DeadLetterQueues deadLetters,
                            SegmentBalancing balancing, ViewsVersion version) {
        this.context = context;
        this.processing = processing;
        this.events = events;
        this.tokens = tokens;
        this.database = database;
        this.deadLetters = deadLetters;
        this.balancing = balancing;
        this.version = version;
    }

    /** The processing groups a rebuild rebuilds. */
    static List<String> rebuiltGroups() {
        return PROJECTIONS.stream().map(type -> AnnotationUtils.findAnnotation(type, ProcessingGroup.class))
                .filter(java.util.Objects::nonNull).map(ProcessingGroup::value).toList();
    }

    public static boolean knows(String name) {
        return ProjectionProcessing.PROCESSOR.equals(name);
    }

    /** The last rebuild that ended since this process started. */
    public Optional<Outcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    public Optional<Progress> progress() {
        Rebuild rebuild = current;
        return rebuild == null ? Optional.empty()
                : Optional.of(new Progress(rebuild.startedAt(), position(rebuild.processor()).stream().boxed()
                .findFirst().orElse(null)));
    }

    /** Starts a rebuild; false if one is already running. */
    public synchronized boolean start() {
        if (current != null) {
            return false;
        }
        dropRebuiltCollections();
        AnnotationConfigApplicationContext projections = projectionsWritingBeside();
        List<Object> handlers = new ArrayList<>();
        PROJECTIONS.forEach(type -> handlers.add(projections.getBean(type)));
        String name = ProjectionProcessing.PROCESSOR + "-rebuild-" + System.currentTimeMillis();
        AtomicReference<Exception> failure = new AtomicReference<>();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(handlers)
                        // never skip an event into views that will replace the live ones: stop and give up
                        .listenerInvocationErrorHandler((exception, event, handler) -> {
                            failure.compareAndSet(null, exception);
                            throw exception;
                        }).build())
                .messageSource(events)
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(REBUILD_BATCH))
                .build();
        processor.registerHandlerInterceptor(ProjectionBatch.interceptor(handlers.stream()
                .filter(ProjectionBatch.Prefetching.class::isInstance).map(ProjectionBatch.Prefetching.class::cast)
                .toList()));
        Rebuild rebuild = new Rebuild(name, Instant.now(), processor, projections, failure);
        current = rebuild;
        processor.start();
        Thread finisher = new Thread(() -> finish(rebuild), name);
        finisher.setDaemon(true);
        finisher.start();
        log.info("rebuilding the projections into *{} with processor {}", SUFFIX, name);
        return true;
    }

    /** The projection classes once more, on the renamed collections (live subscribers hear from the relay only). */
    private AnnotationConfigApplicationContext projectionsWritingBeside() {
        AnnotationConfigApplicationContext projections = new AnnotationConfigApplicationContext();
        projections.setParent(context);
        projections.registerBean("rebuildDatabase", MongoDatabase.class,
                () -> RenamedCollections.withSuffix(database, SUFFIX), definition -> definition.setPrimary(true));
        PROJECTIONS.forEach(type -> projections.registerBean(type, definition -> definition.setPrimary(true)));
        projections.refresh();
        return projections;
    }

    private void finish(Rebuild rebuild) {
        try {
            awaitHead(rebuild, null);
            StreamingEventProcessor live = processing.eventProcessor(ProjectionProcessing.PROCESSOR,
                    StreamingEventProcessor.class).orElseThrow();
            live.shutDown(); // the live views stay readable, a moment behind
            // other instances sharing the segments stop theirs too, or they would write into collections being replaced
            if (!balancing.pauseOthers(OTHERS_PAUSE)) {
                throw new IllegalStateException("other instances still hold segments after " + OTHERS_PAUSE);
            }
            awaitHead(rebuild, FINAL_CATCH_UP);
            rebuild.processor().shutDown();
            // a new processor reads from the first event as a replay: the live one goes on as from a plain position
            TrackingToken reached = WrappedToken.unwrapLowerBound(tokens.fetchToken(rebuild.name(), 0));
            swapCollections();
            deadLetters.clear(rebuiltGroups());
            for (int segment : tokens.fetchSegments(ProjectionProcessing.PROCESSOR)) {
                tokens.storeToken(reached, ProjectionProcessing.PROCESSOR, segment);
                tokens.releaseClaim(ProjectionProcessing.PROCESSOR, segment);
            }
            tokens.deleteToken(rebuild.name(), 0);
            version.markCurrent(); // the views are now all as this code writes them
            live.start();
            balancing.resumeOthers();
            log.info("rebuild {} took over at {}", rebuild.name(), reached);
            last = new Outcome(rebuild.startedAt(), Instant.now(), "COMPLETED", null);
        } catch (RuntimeException e) {
            log.error("rebuild {} failed; the live projections go on", rebuild.name(), e);
            Throwable cause = e.getCause() == null ? e : e.getCause();
            last = new Outcome(rebuild.startedAt(), Instant.now(), "ABANDONED",
                    e.getMessage() + (cause == e ? "" : ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage()));
            rebuild.processor().shutDown();
            balancing.resumeOthers();
            version.releaseUpgrade();
            processing.eventProcessor(ProjectionProcessing.PROCESSOR, StreamingEventProcessor.class)
                    .filter(live -> !live.isRunning()).ifPresent(StreamingEventProcessor::start);
        } finally {
            rebuild.projections().close();
            current = null;
        }
    }

    /** Waits until the processor has passed the store's head as it is now (without a limit if {@code within} is null). */
    private void awaitHead(Rebuild rebuild, Duration within) {
        StreamingEventProcessor processor = rebuild.processor();
        TrackingToken headToken = events.createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        if (head < 0) {
            return; // an empty store: nothing to rebuild
        }
        long deadline = within == null ? Long.MAX_VALUE : System.nanoTime() + within.toNanos();
        while (position(processor).orElse(-2) < head) {
            if (rebuild.failure().get() != null) {
                throw new IllegalStateException("a projection failed during the rebuild", rebuild.failure().get());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not reach position " + head + " in " + within);
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private static OptionalLong position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent).mapToLong(OptionalLong::getAsLong).min();
    }

    private void swapCollections() {
        for (String name : database.listCollectionNames()) {
            if (name.endsWith(SUFFIX)) {
                String live = name.substring(0, name.length() - SUFFIX.length());
                database.getCollection(name).renameCollection(new MongoNamespace(database.getName(), live),
                        new RenameCollectionOptions().dropTarget(true));
            }
        }
    }

    private void dropRebuiltCollections() {
        for (String name : database.listCollectionNames()) {
            if (name.endsWith(SUFFIX)) {
                database.getCollection(name).drop();
            }
        }
    }
}
