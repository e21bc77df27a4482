package com.creditdesk.query.common;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The projections' documents of one batch of events: each read at most once (several at a time with
 * {@code _id $in}), changed in memory by every event of the batch, and written with one
 * {@code bulkWrite} per collection once the batch's last event was handled, before the processor
 * stores its token. Every projection write stays keyed and guarded (by the last sequence applied, or
 * by the identifiers of the batch's events), so a batch that fails half-way and is delivered again
 * changes nothing twice.
 * <p>
 * Outside a unit of work (a test calling a handler) every change is written at once.
 */
public final class ProjectionBatch {
    private static final String RESOURCE = ProjectionBatch.class.getName();

    /** A document as the batch knows it: {@code null} for one that does not exist (or was deleted). */
    private static final class Entry {
        Document doc;
        /** The document as a projection's record, kept so that each event need not convert it back and forth. */
        Object view;
        Function<Object, Document> write;
        boolean dirty;

        Entry(Document doc) {
            this.doc = doc;
        }

        Document document() {
            if (doc == null && view != null) {
                doc = write.apply(view);
            }
            return doc;
        }
    }

    /** The documents of one collection that this batch knows. */
    private record Known(MongoCollection<Document> collection, Map<String, Entry> entries,
                         List<WriteModel<Document>> updates) {
    }

    /** Per collection (by namespace: a rebuild's collections are other objects with other names). */
    private final Map<String, Known> collections = new LinkedHashMap<>();
    private final UnitOfWork<?> unitOfWork;
    /** What a projection keeps for the length of the batch. */
    private final Map<String, Object> state = new HashMap<>();

    private ProjectionBatch(UnitOfWork<?> unitOfWork) {
        this.unitOfWork = unitOfWork;
    }

    /** The batch of the unit of work under way, created (and flushed on its commit at the latest) on first use. */
    public static ProjectionBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ProjectionBatch(null);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(RESOURCE, key -> {
            ProjectionBatch batch = new ProjectionBatch(root);
            root.onPrepareCommit(uow -> batch.flush()); // a unit of work that is not a processor's batch
            return batch;
        });
    }

    /**
     * Who writes: the segment the processor handles in this unit of work. Documents that several
     * events of different accounts add up to are kept per writer, so only one thread ever changes one.
     */
    public String writer() {
        if (unitOfWork == null) {
            return "direct";
        }
        // the processor keeps the segment as "Processor[<name>]/SegmentId"
        return unitOfWork.resources().entrySet().stream()
                .filter(resource -> resource.getKey().startsWith("Processor[") && resource.getKey().endsWith("]/SegmentId"))
                .map(resource -> resource.getKey().substring("Processor[".length(), resource.getKey().length()
                        - "]/SegmentId".length()) + "#" + resource.getValue())
                .findFirst().orElse("unit-of-work");
    }

    /** State a projection keeps for the length of this batch, made on first use. */
    @SuppressWarnings("unchecked")
    public <S> S state(String key, Supplier<S> initial) {
        return (S) state.computeIfAbsent(key, k -> initial.get());
    }

    /** Reads the documents not yet known to this batch in one query. */
    public void prefetch(MongoCollection<Document> collection, Collection<String> ids) {
        Map<String, Entry> known = known(collection);
        Set<String> missing = ids.stream().filter(id -> !known.containsKey(id)).collect(Collectors.toSet());
        if (missing.isEmpty()) {
            return;
        }
        collection.find(Filters.in("_id", missing)).forEach(doc -> known.put(doc.getString("_id"), new Entry(doc)));
        missing.forEach(id -> known.putIfAbsent(id, new Entry(null)));
    }

    /** The document as this batch has it; changes to it must go through {@link #put}. */
    public Optional<Document> find(MongoCollection<Document> collection, String id) {
        Map<String, Entry> known = known(collection);
        Entry entry = known.get(id);
        if (entry == null) {
            entry = new Entry(collection.find(Filters.eq("_id", id)).first());
            known.put(id, entry);
        }
        return Optional.ofNullable(entry.document());
    }

    /** The document as a record of the projection's, read with {@code read} once per batch. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> view(MongoCollection<Document> collection, String id, Function<Document, T> read) {
        Document doc = find(collection, id).orElse(null);
        Entry entry = known(collection).get(id);
        if (entry.view == null && doc != null) {
            entry.view = read.apply(doc);
            entry.write = null; // as stored: no document to make from it
        }
        return Optional.ofNullable((T) entry.view);
    }

    /** Sets the document as a record; {@code write} makes the document of it when it is written (or read raw). */
    @SuppressWarnings("unchecked")
    public <T> void putView(MongoCollection<Document> collection, String id, T view, Function<T, Document> write) {
        if (unitOfWork == null) {
            put(collection, write.apply(view));
            return;
        }
        Entry entry = known(collection).computeIfAbsent(id, key -> new Entry(null));
        entry.doc = null;
        entry.view = view;
        entry.write = (Function<Object, Document>) write;
        entry.dirty = true;
    }

    /** Sets the whole document (it must carry its {@code _id}). */
    public void put(MongoCollection<Document> collection, Document doc) {
        String id = doc.getString("_id");
        if (unitOfWork == null) {
            collection.replaceOne(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true));
            return;
        }
        Entry entry = known(collection).computeIfAbsent(id, key -> new Entry(null));
        entry.doc = doc;
        entry.view = null;
        entry.dirty = true;
    }

    public void delete(MongoCollection<Document> collection, String id) {
        if (unitOfWork == null) {
            collection.deleteOne(Filters.eq("_id", id));
            return;
        }
        Entry entry = known(collection).computeIfAbsent(id, key -> new Entry(null));
        entry.doc = null;
        entry.view = null;
        entry.dirty = true;
    }

    /** An update that gives the same result whatever order and however often it is applied. */
    public void update(MongoCollection<Document> collection, String id, org.bson.conversions.Bson update) {
        if (unitOfWork == null) {
            collection.updateOne(Filters.eq("_id", id), update, new UpdateOptions().upsert(true));
            return;
        }
        of(collection).updates().add(new UpdateOneModel<>(Filters.eq("_id", id), update, new UpdateOptions().upsert(true)));
    }

    private Map<String, Entry> known(MongoCollection<Document> collection) {
        return of(collection).entries();
    }

    private Known of(MongoCollection<Document> collection) {
        return collections.computeIfAbsent(collection.getNamespace().getFullName(),
                name -> new Known(collection, new HashMap<>(), new ArrayList<>()));
    }

    /** Writes what changed, one bulk write per collection; a second call writes nothing. */
    public void flush() {
        for (Known known : collections.values()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            known.entries().forEach((id, entry) -> {
                if (entry.dirty) {
                    Document doc = entry.document();
                    writes.add(doc == null ? new DeleteOneModel<>(Filters.eq("_id", id))
                            : new ReplaceOneModel<>(Filters.eq("_id", id), doc, new ReplaceOptions().upsert(true)));
                    entry.dirty = false;
                }
            });
            write(known.collection(), writes);
        }
        for (Known known : collections.values()) {
            write(known.collection(), known.updates());
        }
    }

    private static void write(MongoCollection<Document> collection, List<WriteModel<Document>> writes) {
        if (!writes.isEmpty()) {
            collection.bulkWrite(new ArrayList<>(writes), new BulkWriteOptions().ordered(false));
            writes.clear();
        }
    }

    /** A projection that can tell from a batch's events which of its documents they will need. */
    public interface Prefetching {
        void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch);
    }

    /**
     * The processor's side of a batch: at its first event the projections read what the batch needs,
     * and while its last event is being handled the batch is written. Axon stores the processor's
     * token in the batch's prepare-commit, so the views are written before the token says they were.
     */
    public static MessageHandlerInterceptor<EventMessage<?>> interceptor(Collection<? extends Prefetching> projections) {
        return (unitOfWork, chain) -> {
            if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.isFirstMessage()) {
                List<EventMessage<?>> events = batch.getMessages().stream()
                        .<EventMessage<?>>map(message -> (EventMessage<?>) message).toList();
                ProjectionBatch current = current();
                projections.forEach(projection -> projection.prefetch(events, current));
            }
            Object result = chain.proceed();
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                if (unitOfWork.root().getResource(RESOURCE) instanceof ProjectionBatch pending) {
                    pending.flush();
                }
            }
            return result;
        };
    }
}
