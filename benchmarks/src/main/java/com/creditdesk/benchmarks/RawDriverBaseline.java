package com.creditdesk.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit: what the raw MongoDB driver achieves on the same embedded server, at the same
 * store size, with documents shaped like stored events (payload serialized by the apps' own
 * serializer). It writes its own collection and drops it afterwards; it never touches the events.
 */
final class RawDriverBaseline {
    static final String COLLECTION = "benchmark_raw_events";
    private static final int BATCH = 100;

    record Rates(double insertOne1, double insertOne8, double insertMany, double readById, double readScan,
                 int documentBytes) {
        /** The single-document insert rate commands are compared with: the better of 1 and 8 writers. */
        double insertLimit() {
            return Math.max(insertOne1, insertOne8);
        }
    }

    private final MongoCollection<Document> collection;
    private final MongoClient client;
    private final SerializedObject<String> payload;
    private final SerializedObject<String> metaData;
    /** Ids written so far, for the reads. */
    private final ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();

    /** The payload is serialized once by the apps' serializer, so the timed loops measure the store alone. */
    RawDriverBaseline(String connectionString, Serializer serializer) {
        this.client = MongoClients.create(connectionString);
        this.collection = client.getDatabase("creditdesk").getCollection(COLLECTION);
        this.payload = serializer.serialize(StoreFiller.orderAccepted("RAW-0000001", "RAW-O-" + UUID.randomUUID(),
                new BigDecimal("1234.00")), String.class);
        this.metaData = serializer.serialize(MetaData.from(StoreFiller.metaData()), String.class);
    }

    Rates measure(Duration duration) {
        try {
            double one1 = inserting(1, duration, false);
            double one8 = inserting(8, duration, false);
            double many = inserting(1, duration, true);
            List<String> all = new ArrayList<>(ids);
            double byId = readById(all, duration);
            double scan = readScan(duration);
            int bytes = new RawBsonDocument(collection.find().first(), new DocumentCodec()).getByteBuffer().remaining();
            return new Rates(one1, one8, many, byId, scan, bytes);
        } finally {
            collection.drop();
            client.close();
        }
    }

    /** Documents per second written by {@code threads} writers, one at a time or in batches of 100. */
    private double inserting(int threads, Duration duration, boolean batched) {
        AtomicLong written = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                long sequence = 0;
                String aggregate = "RAW-" + UUID.randomUUID();
                while (System.nanoTime() < deadline) {
                    if (batched) {
                        List<Document> batch = new ArrayList<>(BATCH);
                        for (int i = 0; i < BATCH; i++) {
                            batch.add(eventDocument(aggregate, sequence++));
                        }
                        collection.insertMany(batch);
                        written.addAndGet(BATCH);
                    } else {
                        collection.insertOne(eventDocument(aggregate, sequence++));
                        written.incrementAndGet();
                    }
                }
                done.countDown();
            }, "raw-writer-" + t).start();
        }
        await(done);
        return written.get() / ((System.nanoTime() - started) / 1e9);
    }

    /** Documents per second fetched by {@code _id $in} batches of 100, in random order. */
    private double readById(List<String> all, Duration duration) {
        Collections.shuffle(all);
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long read = 0;
        for (int from = 0; System.nanoTime() < deadline; from = (from + BATCH) % Math.max(1, all.size() - BATCH)) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + BATCH));
            for (Document ignored : collection.find(Filters.in("_id", batch))) {
                read++;
            }
        }
        return read / ((System.nanoTime() - started) / 1e9);
    }

    /** Documents per second of a plain full scan, repeated for the duration. */
    private double readScan(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        long read = 0;
        while (System.nanoTime() < deadline) {
            for (Document ignored : collection.find().batchSize(1000)) {
                read++;
            }
        }
        return read / ((System.nanoTime() - started) / 1e9);
    }

    /** One event as a document-per-event store keeps it: ids, position, type and the serialized forms. */
    private Document eventDocument(String aggregate, long sequence) {
        String id = UUID.randomUUID().toString();
        ids.add(id);
        return new Document("_id", id)
                .append("aggregateIdentifier", aggregate)
                .append("sequenceNumber", sequence)
                .append("type", StoreFiller.AGGREGATE_TYPE)
                .append("eventIdentifier", id)
                .append("timestamp", Instant.now().toString())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("serializedPayload", payload.getData())
                .append("serializedMetaData", metaData.getData());
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
