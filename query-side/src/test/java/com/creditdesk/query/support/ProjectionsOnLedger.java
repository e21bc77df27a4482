package com.creditdesk.query.support;

import com.creditdesk.query.common.ProjectionBatch;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Projections fed as in production: a real MongoDB wire-protocol server reached by the real driver,
 * Axon's tracking processor in two segments reading an event store in batches, each batch's views
 * written by {@link ProjectionBatch}. Some batches fail once after their views were written and
 * before the token was stored, others half-way through writing them, as a crash there would: they
 * are delivered again.
 */
public final class ProjectionsOnLedger implements AutoCloseable {
    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase database;
    /** How many batches failed after their writes and were delivered again. */
    private final AtomicInteger redelivered = new AtomicInteger();
    /** Only while events are applied: the checks afterwards read and write as usual. */
    private volatile boolean failing;

    private final AtomicInteger bulkWrites = new AtomicInteger();
    private final AtomicInteger halfWritten = new AtomicInteger();
    /** The collection whose bulk writes fail half-way through a batch; null: any collection's. */
    private final String failingCollection;

    public ProjectionsOnLedger() {
        this(null);
    }

    /** Half-way failures only where {@code failingCollection} is written: the batch's other collections are. */
    public ProjectionsOnLedger(String failingCollection) {
        this.failingCollection = failingCollection;
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = failingSomeWrites(client.getDatabase("ledger-test"));
    }

    /**
     * The database, but every 41st bulk write (three times) fails before it is sent: a batch whose views are written
     * in part, as a crash half-way through would leave them, and which is then delivered again.
     */
    private MongoDatabase failingSomeWrites(MongoDatabase real) {
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[] {MongoDatabase.class}, (proxy, method, arguments) -> {
                    Object result = invoke(real, method, arguments);
                    if (!method.getName().equals("getCollection")) {
                        return result;
                    }
                    MongoCollection<?> collection = (MongoCollection<?>) result;
                    boolean mayFail = failingCollection == null || failingCollection.equals(arguments[0]);
                    return Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                            new Class<?>[] {MongoCollection.class}, (p, m, a) -> {
                                if (m.getName().equals("bulkWrite") && failing && mayFail
                                        && bulkWrites.incrementAndGet() % (failingCollection == null ? 41 : 1) == 0
                                        && halfWritten.incrementAndGet() <= 3) {
                                    redelivered.incrementAndGet();
                                    throw new IllegalStateException("crash half-way through writing a batch");
                                }
                                return invoke(collection, m, a);
                            });
                });
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    public MongoDatabase database() {
        return database;
    }

    public int redelivered() {
        return redelivered.get();
    }

    /** Applies every event to the projections; every {@code failEvery}-th batch fails once after writing. */
    public void apply(List<?> projections, List<DomainEventMessage<?>> events, int failEvery) {
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
        engine.appendEvents(events);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).build();
        TrackingEventProcessor processor = TrackingEventProcessor.builder()
                .name("ledger")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(List.copyOf(projections))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .messageSource(store)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.INSTANCE)
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forParallelProcessing(2)
                        .andInitialSegmentsCount(2).andBatchSize(40))
                .build();
        processor.registerHandlerInterceptor(failOnceAfterWriting(failEvery));
        processor.registerHandlerInterceptor(ProjectionBatch.interceptor(projections.stream()
                .filter(ProjectionBatch.Prefetching.class::isInstance).map(ProjectionBatch.Prefetching.class::cast)
                .toList()));
        failing = true;
        processor.start();
        try {
            long head = events.size() - 1;
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (processor.processingStatus().size() < 2 || !processor.processingStatus().values().stream()
                    .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the projections did not reach the head: " + processor.processingStatus()
                            .values().stream().map(EventTrackerStatus::getCurrentPosition).toList());
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        } finally {
            failing = false;
            processor.shutDown();
            store.shutDown();
        }
    }

    /**
     * Outside the batch's own interceptor: its writes are done when this one fails the batch, so the
     * processor keeps its old token and delivers the batch again (once per batch).
     */
    private MessageHandlerInterceptor<EventMessage<?>> failOnceAfterWriting(int failEvery) {
        Set<String> failed = new HashSet<>();
        AtomicInteger batches = new AtomicInteger();
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
                String first = batch.getMessages().get(0).getIdentifier();
                synchronized (failed) {
                    if (!failed.contains(first) && batches.incrementAndGet() % failEvery == 0) {
                        failed.add(first);
                        redelivered.incrementAndGet();
                        throw new IllegalStateException("crash after the views were written, before the token");
                    }
                }
            }
            return result;
        };
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
