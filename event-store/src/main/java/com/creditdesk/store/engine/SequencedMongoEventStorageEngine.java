package com.creditdesk.store.engine;

import com.creditdesk.store.engine.CommitDocument.Duplicate;
import com.creditdesk.store.engine.CommitDocument.StoredEvent;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.bson.BSONException;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static com.creditdesk.store.engine.CommitDocument.APPENDED_AT;
import static com.creditdesk.store.engine.CommitDocument.EVENTS;
import static com.creditdesk.store.engine.CommitDocument.EVENT_IDS;
import static com.creditdesk.store.engine.CommitDocument.GLOBAL_INDEX;
import static com.creditdesk.store.engine.CommitDocument.ID;
import static com.creditdesk.store.engine.CommitDocument.SEQUENCE_NUMBER;
import static com.creditdesk.store.engine.CommitDocument.STREAM_KEYS;
import static com.creditdesk.store.engine.CommitDocument.TIMESTAMP;
import static com.creditdesk.store.engine.CommitDocument.streamKey;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static org.axonframework.common.BuilderUtils.assertNonEmpty;
import static org.axonframework.common.BuilderUtils.assertNonNull;
import static org.axonframework.common.BuilderUtils.assertThat;

/**
 * An Axon event storage engine on MongoDB that reads only by key, so every read is served by a unique index, on
 * MongoDB and on mongo-java-server alike (which serves no range query from an index). Its cost therefore does not
 * grow with the size of the store. The design follows Axon's {@code JdbcEventStorageEngine}: a global sequence
 * number per event and {@link GapAwareTrackingToken}s.
 *
 * <h2>Atomic appends: one document per commit</h2>
 * All events of one {@code appendEvents} call (one unit of work) go into a single commit document (layout in
 * {@link CommitDocument}). A single-document insert is atomic everywhere, so a crash or a conflict never leaves part
 * of a command's events behind; no multi-document transaction is needed (mongo-java-server has none). A commit is
 * bounded by MongoDB's 16 MB document limit; an oversized commit fails as a whole.
 *
 * <h2>Global index</h2>
 * Before the insert, the commit reserves a block of {@code n} numbers with one atomic {@code $inc} on a counter
 * document ({@link GlobalIndexCounter}). The commit's {@code _id} is the block's <em>last</em> number. Because a
 * block is contiguous, every commit whose {@code _id} lies in a window of numbers has all its events at or below the
 * window's top, and a reader whose token stopped in the middle of a commit still finds that commit in its next window.
 *
 * <h2>Reads, each a lookup on a unique index</h2>
 * <ul>
 * <li>Tracking: {@code _id $in} (the token's gaps + the next {@code batchSize} numbers, no further than the counter's
 * head). A window in which nothing was found (numbers of failed appends, or one large commit further ahead) is
 * skipped for the next, up to the head.</li>
 * <li>Aggregate stream: {@code streamKeys $in} ("aggregate/sequence" for the next 8, then up to {@code batchSize}
 * sequence numbers), the same unique index that guards concurrent appends; a commit found by several keys is taken
 * once. Axon assigns aggregate sequence numbers without holes; a hole wider than the window would end the stream
 * early.</li>
 * <li>Snapshot: one document per aggregate, {@code _id} = aggregate identifier; a newer snapshot replaces it.</li>
 * <li>{@link #createTokenAt(Instant)} is the exception: time is no key, so it scans (rare call).</li>
 * </ul>
 *
 * <h2>Concurrency</h2>
 * The unique multikey index on {@code streamKeys} (one key per aggregate sequence number) makes the second append of
 * a sequence number fail with error 11000, which {@link MongoDuplicateKeyResolver} reports to Axon as a duplicate, so
 * that it raises {@code AggregateStreamCreationException} (sequence 0) or {@code ConcurrencyException}. The losing
 * commit's numbers stay unused: readers treat them like any other gap.
 *
 * <h2>Gaps</h2>
 * Numbers are allocated before the insert, so a reader can see N+1 before N. As in the JDBC engine, a number skipped
 * by a reader becomes a gap of its token and is looked up again by key with each fetch, until it is filled or given
 * up. Unlike the JDBC engine, "given up" is decided by the time the later commit was <em>written</em>
 * ({@code appendedAt}), not by the events' own timestamps, so events appended with historic timestamps do not
 * switch gap detection off. A gap is given up when a commit written after it is older than the gap timeout, when it
 * falls more than {@code maxGapOffset} numbers behind, or when a token with more than
 * {@code gapCleaningThreshold} gaps is cleaned. A writer stalled between allocation and insert for longer than the
 * gap timeout may therefore be missed by readers that are already past it; the JDBC engine has the same limit.
 */
public class SequencedMongoEventStorageEngine extends BatchingEventStorageEngine {

    private static final long FIRST_GLOBAL_INDEX = 1;
    private static final int FIRST_AGGREGATE_WINDOW = 8;

    private final MongoCollection<Document> events;
    private final MongoCollection<Document> snapshots;
    private final GlobalIndexCounter counter;
    private final Duration gapTimeout;
    private final int maxGapOffset;
    private final int gapCleaningThreshold;
    private final Clock clock;

    protected SequencedMongoEventStorageEngine(Builder builder) {
        super(builder);
        this.events = builder.database.getCollection(builder.eventsCollectionName);
        this.snapshots = builder.database.getCollection(builder.snapshotsCollectionName);
        this.counter = new GlobalIndexCounter(builder.database.getCollection(builder.sequencesCollectionName),
                                              builder.eventsCollectionName);
        this.gapTimeout = builder.gapTimeout;
        this.maxGapOffset = builder.maxGapOffset;
        this.gapCleaningThreshold = builder.gapCleaningThreshold;
        this.clock = builder.clock;
        ensureIndexes();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Creates the unique indexes that the reads and the concurrency guard rely on, and restores a missing counter.
     * Idempotent; the constructor calls it.
     */
    public void ensureIndexes() {
        events.createIndex(Indexes.ascending(EVENT_IDS), new IndexOptions().unique(true).name(EVENT_IDS));
        events.createIndex(Indexes.ascending(STREAM_KEYS),
                           new IndexOptions().unique(true).sparse(true).name(STREAM_KEYS));
        counter.restoreIfMissing(events);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<Document> serialized = CommitDocument.serialize(events, serializer);
        Optional<Duplicate> duplicate = CommitDocument.firstDuplicate(serialized);
        if (duplicate.isPresent()) {
            handlePersistenceException(new DuplicateEventKeyException(duplicate.get().key()),
                                       events.get(duplicate.get().position()));
        } else {
            insertCommit(events, serialized);
        }
    }

    private void insertCommit(List<? extends EventMessage<?>> events, List<Document> serialized) {
        long lastIndex = allocateGlobalIndexes(events.size());
        try {
            this.events.insertOne(CommitDocument.commit(lastIndex, serialized, clock.instant()));
        } catch (MongoException | BSONException e) { // BSONException: a commit beyond the 16 MB document limit
            handlePersistenceException(e, events.get(CommitDocument.conflictingEvent(serialized, e.getMessage())));
        }
    }

    /**
     * Reserves {@code count} consecutive global indexes and returns the highest. The numbers are "in flight" until the
     * commit holding them is written; a subclass may observe or delay that moment.
     */
    protected long allocateGlobalIndexes(int count) {
        return counter.allocate(count);
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Bson byAggregate = eq(ID, snapshot.getAggregateIdentifier());
        Document stored = snapshots.find(byAggregate).projection(include(SEQUENCE_NUMBER)).first();
        if (stored != null && SnapshotDocument.sequenceNumber(stored) >= snapshot.getSequenceNumber()) {
            return;
        }
        try {
            // Delete and insert, not replace: mongo-java-server's memory backend updates a stored document in place,
            // possibly while a reader is sending it. A reader in between finds no snapshot and replays the events,
            // and losing a race to another snapshotter leaves an older snapshot: both are valid starting points.
            if (stored != null) {
                snapshots.deleteOne(byAggregate);
            }
            snapshots.insertOne(SnapshotDocument.create(snapshot, serializer));
        } catch (MongoException e) {
            if (!MongoDuplicateKeyResolver.isDuplicateKey(e)) {
                handlePersistenceException(e, snapshot);
            }
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(eq(ID, aggregateIdentifier)).first();
        return snapshot == null ? Stream.empty() : Stream.of(SnapshotDocument.read(snapshot));
    }

    /**
     * Every key of a window costs one index lookup, and most streams are short (a few events, or the tail after a
     * snapshot): a small window first, and the rest of the batch only if the stream goes on.
     */
    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber,
                                                                   int batchSize) {
        int firstWindow = Math.min(FIRST_AGGREGATE_WINDOW, batchSize);
        List<DomainEventData<String>> batch = fetchWindow(aggregateIdentifier, firstSequenceNumber, firstWindow);
        if (batch.size() < firstWindow || batch.size() >= batchSize) {
            return batch;
        }
        long next = batch.get(batch.size() - 1).getSequenceNumber() + 1;
        List<DomainEventData<String>> rest = fetchWindow(aggregateIdentifier, next, batchSize - batch.size());
        return Stream.concat(batch.stream(), rest.stream()).toList();
    }

    /**
     * The aggregate's events from {@code firstSequenceNumber} on, in the commits holding any of the next {@code window}
     * sequence numbers (whole commits, so possibly more than {@code window} events). Fewer than {@code window} events
     * means the stream ends within the window. A commit matching several keys is taken once, whatever the server.
     */
    private List<DomainEventData<String>> fetchWindow(String aggregateIdentifier, long firstSequenceNumber, int window) {
        List<String> keys = LongStream.range(firstSequenceNumber, firstSequenceNumber + window)
                                      .mapToObj(sequenceNumber -> streamKey(aggregateIdentifier, sequenceNumber))
                                      .toList();
        Map<Object, Document> commits = new LinkedHashMap<>();
        events.find(in(STREAM_KEYS, keys)).forEach(commit -> commits.putIfAbsent(commit.get(ID), commit));
        return commits.values().stream()
                      .flatMap(commit -> CommitDocument.events(commit).stream())
                      .map(StoredEvent::data)
                      .filter(event -> aggregateIdentifier.equals(event.getAggregateIdentifier())
                              && event.getSequenceNumber() >= firstSequenceNumber)
                      .sorted(Comparator.comparingLong(DomainEventData::getSequenceNumber))
                      .toList();
    }

    /** Reads stored sequence numbers, not upcast events: an upcaster that drops events must not lower the answer. */
    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return readEventData(aggregateIdentifier, 0).map(DomainEventData::getSequenceNumber).max(Long::compare);
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException(
                    "Token [" + lastToken + "] is of the wrong type. Expected a GapAwareTrackingToken");
        }
        GapAwareTrackingToken token = (GapAwareTrackingToken) lastToken;
        if (token != null && token.getGaps().size() > gapCleaningThreshold) {
            token = cleanGaps(token);
        }
        // The head bounds the window, so a reader close to it looks up only the numbers that exist.
        long head = counter.head();
        List<Long> ids = token == null ? new ArrayList<>() : new ArrayList<>(token.getGaps());
        long windowStart = token == null ? FIRST_GLOBAL_INDEX - 1 : token.getIndex();
        while (true) {
            long windowEnd = Math.min(windowStart + batchSize, head);
            LongStream.rangeClosed(windowStart + 1, windowEnd).forEach(ids::add);
            List<Document> commits = ids.isEmpty() ? List.of() : findCommits(ids);
            if (!commits.isEmpty()) {
                return trackedEvents(commits, token);
            }
            if (windowEnd >= head) {
                return List.of();
            }
            windowStart = windowEnd;
            ids.clear();
        }
    }

    /** The unseen events of the given commits in global order, each with the token that includes it. */
    private List<TrackedEventData<?>> trackedEvents(List<Document> commits, GapAwareTrackingToken lastToken) {
        Instant gapDeadline = gapDeadline();
        List<StoredEvent> unseen =
                commits.stream()
                       .flatMap(commit -> CommitDocument.events(commit).stream())
                       .filter(event -> lastToken == null
                               || event.globalIndex() > lastToken.getIndex()
                               || lastToken.getGaps().contains(event.globalIndex()))
                       .sorted(Comparator.comparingLong(StoredEvent::globalIndex))
                       .toList();
        List<TrackedEventData<?>> result = new ArrayList<>(unseen.size());
        GapAwareTrackingToken token = lastToken;
        for (StoredEvent event : unseen) {
            token = advance(token, event.globalIndex(), event.appendedAt().isAfter(gapDeadline));
            result.add(new TrackedDomainEventData<>(token, event.data()));
        }
        return result;
    }

    /** As the JDBC engine: numbers skipped before a commit older than the gap timeout are not kept as gaps. */
    private GapAwareTrackingToken advance(GapAwareTrackingToken token, long globalIndex, boolean allowGaps) {
        if (token == null) {
            List<Long> gaps = allowGaps
                    ? LongStream.range(Math.max(FIRST_GLOBAL_INDEX, globalIndex - maxGapOffset), globalIndex)
                                .boxed().toList()
                    : List.of();
            return GapAwareTrackingToken.newInstance(globalIndex, gaps);
        }
        return token.advanceTo(globalIndex, allowGaps ? maxGapOffset : 0);
    }

    /**
     * Mirrors the JDBC engine's gap cleaning: walking up from the lowest gap, drops the gaps below each stored event
     * that follows a gap, until it meets a filled gap (which must still be delivered) or a commit younger than the gap
     * timeout. Reads only the global indexes and write times of the commits in that range.
     */
    private GapAwareTrackingToken cleanGaps(GapAwareTrackingToken token) {
        SortedSet<Long> gaps = token.getGaps();
        List<Long> ids = LongStream.rangeClosed(gaps.first(), Math.min(token.getIndex(), gaps.first() + maxGapOffset))
                                   .boxed().toList();
        Instant gapDeadline = gapDeadline();
        GapAwareTrackingToken cleaned = token;
        for (Document commit : events.find(in(ID, ids))
                                     .projection(include(APPENDED_AT, EVENTS + "." + GLOBAL_INDEX))
                                     .sort(ascending(ID))) {
            boolean young = commit.getDate(APPENDED_AT).toInstant().isAfter(gapDeadline);
            for (Document event : commit.getList(EVENTS, Document.class)) {
                long globalIndex = event.getLong(GLOBAL_INDEX);
                if (globalIndex < gaps.first()) {
                    continue;
                }
                if (young || gaps.contains(globalIndex)) {
                    return cleaned;
                }
                if (gaps.contains(globalIndex - 1)) {
                    cleaned = cleaned.withGapsTruncatedAt(globalIndex);
                }
            }
        }
        return cleaned;
    }

    /** A token before the first global index, or {@code null} if nothing was ever appended. */
    @Override
    public TrackingToken createTailToken() {
        return counter.head() == 0 ? null : GapAwareTrackingToken.newInstance(FIRST_GLOBAL_INDEX - 1, List.of());
    }

    /**
     * The token a reader would hold after reading the last {@code batchSize} numbers: at the last stored event, with
     * numbers still in flight below it as gaps, so that a processor starting at the head misses none of them.
     */
    @Override
    public TrackingToken createHeadToken() {
        long head = counter.head();
        if (head == 0) {
            return null;
        }
        GapAwareTrackingToken windowStart =
                GapAwareTrackingToken.newInstance(Math.max(FIRST_GLOBAL_INDEX - 1, head - batchSize()), List.of());
        List<Long> ids = LongStream.rangeClosed(windowStart.getIndex() + 1, head).boxed().toList();
        List<TrackedEventData<?>> latest = trackedEvents(findCommits(ids), windowStart);
        return latest.isEmpty() ? windowStart : latest.get(latest.size() - 1).trackingToken();
    }

    /**
     * A token before the first event (in global order) whose timestamp is at or after {@code dateTime}, or the head
     * token if there is none. Time is no key: this query scans the collection on mongo-java-server, and on MongoDB
     * walks the {@code _id} index. It serves the rare "replay from a date"; nothing on the hot path calls it.
     */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        Date from = Date.from(dateTime);
        Document first = events.find(gte(EVENTS + "." + TIMESTAMP, from)).sort(ascending(ID)).first();
        if (first == null) {
            return createHeadToken();
        }
        long firstIndex = CommitDocument.events(first).stream()
                                        .filter(event -> !event.data().getTimestamp().isBefore(from.toInstant()))
                                        .findFirst().orElseThrow()
                                        .globalIndex();
        return GapAwareTrackingToken.newInstance(firstIndex - 1, List.of());
    }

    private List<Document> findCommits(Collection<Long> ids) {
        return events.find(in(ID, ids)).into(new ArrayList<>());
    }

    private Instant gapDeadline() {
        return clock.instant().minus(gapTimeout);
    }

    /**
     * Builder for {@link SequencedMongoEventStorageEngine}. Only the {@link MongoDatabase} is required. Defaults:
     * collections {@code events}, {@code snapshots} and {@code sequences}; {@link JacksonSerializer} for events and
     * snapshots (never XStream); {@link MongoDuplicateKeyResolver}; batch size 100; gap timeout 60 s, max gap offset
     * 10 000 and gap cleaning threshold 250 as in Axon's JDBC engine; the system UTC clock.
     */
    public static class Builder extends BatchingEventStorageEngine.Builder {

        private MongoDatabase database;
        private String eventsCollectionName = "events";
        private String snapshotsCollectionName = "snapshots";
        private String sequencesCollectionName = "sequences";
        private Duration gapTimeout = Duration.ofSeconds(60);
        private int maxGapOffset = 10_000;
        private int gapCleaningThreshold = 250;
        private Clock clock = Clock.systemUTC();
        private boolean eventSerializerSet;
        private boolean snapshotSerializerSet;

        private Builder() {
            persistenceExceptionResolver(new MongoDuplicateKeyResolver());
        }

        public Builder database(MongoDatabase database) {
            assertNonNull(database, "The MongoDatabase may not be null");
            this.database = database;
            return this;
        }

        public Builder eventsCollectionName(String name) {
            assertNonEmpty(name, "The events collection name may not be empty");
            this.eventsCollectionName = name;
            return this;
        }

        public Builder snapshotsCollectionName(String name) {
            assertNonEmpty(name, "The snapshots collection name may not be empty");
            this.snapshotsCollectionName = name;
            return this;
        }

        /** The collection of counters; the counter of this engine is the document whose {@code _id} is the events collection name. */
        public Builder sequencesCollectionName(String name) {
            assertNonEmpty(name, "The sequences collection name may not be empty");
            this.sequencesCollectionName = name;
            return this;
        }

        /** How long a reader waits for a skipped global index to be written before it gives it up. */
        public Builder gapTimeout(Duration gapTimeout) {
            assertThat(gapTimeout, timeout -> timeout != null && !timeout.isNegative(),
                       "The gap timeout must be zero or positive");
            this.gapTimeout = gapTimeout;
            return this;
        }

        /** How far behind a token's index a gap may lie before it is given up. */
        public Builder maxGapOffset(int maxGapOffset) {
            assertThat(maxGapOffset, offset -> offset >= 0, "The maxGapOffset must be zero or positive");
            this.maxGapOffset = maxGapOffset;
            return this;
        }

        /** Above this many gaps in a token, a fetch first drops the gaps that timed out. */
        public Builder gapCleaningThreshold(int gapCleaningThreshold) {
            assertThat(gapCleaningThreshold, threshold -> threshold >= 0,
                       "The gapCleaningThreshold must be zero or positive");
            this.gapCleaningThreshold = gapCleaningThreshold;
            return this;
        }

        /** The clock that stamps commits and judges the gap timeout. */
        public Builder clock(Clock clock) {
            assertNonNull(clock, "The clock may not be null");
            this.clock = clock;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            this.eventSerializerSet = true;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            this.snapshotSerializerSet = true;
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver persistenceExceptionResolver) {
            super.persistenceExceptionResolver(persistenceExceptionResolver);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder batchSize(int batchSize) {
            super.batchSize(batchSize);
            return this;
        }

        @Override
        public Builder finalAggregateBatchPredicate(
                Predicate<List<? extends DomainEventData<?>>> finalAggregateBatchPredicate) {
            super.finalAggregateBatchPredicate(finalAggregateBatchPredicate);
            return this;
        }

        @Override
        protected void validate() throws AxonConfigurationException {
            assertNonNull(database, "The MongoDatabase is a hard requirement and should be provided");
            // Axon's own default would be XStream, which this project never uses
            if (!eventSerializerSet) {
                eventSerializer(JacksonSerializer.defaultSerializer());
            }
            if (!snapshotSerializerSet) {
                snapshotSerializer(JacksonSerializer.defaultSerializer());
            }
            super.validate();
        }

        public SequencedMongoEventStorageEngine build() {
            return new SequencedMongoEventStorageEngine(this);
        }
    }
}
