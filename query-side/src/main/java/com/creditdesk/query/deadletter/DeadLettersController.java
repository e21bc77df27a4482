package com.creditdesk.query.deadletter;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The operator's view of the dead letters: per processing group, each parked account (sequence) with
 * its letters in order, the first one carrying the failure; and a retry that hands them to the
 * group's handlers again, in order, a sequence at a time.
 */
@RestController
class DeadLettersController {
    /** Letters shown per sequence; {@code size} tells how many there are. */
    static final int SHOWN_PER_SEQUENCE = 50;

    private final DeadLetterQueues queues;
    private final EventProcessingConfiguration processing;

    DeadLettersController(DeadLetterQueues queues, EventProcessingConfiguration processing) {
        this.queues = queues;
        this.processing = processing;
    }

    public record Group(String processingGroup, String processor, long letters, List<Sequence> sequences) {
    }

    public record Sequence(String sequenceIdentifier, long size, List<Letter> letters) {
    }

    /**
     * One parked event: {@code causeType}/{@code causeMessage} and {@code attempts} are those of the
     * handling that failed; a letter only parked behind another one has no cause and no attempt yet.
     */
    public record Letter(String eventId, String eventType, String aggregateId, Long aggregateSequence, Long position,
                         Instant recordedAt, String causeType, String causeMessage, int attempts, Instant enqueuedAt,
                         Instant lastAttemptAt) {
    }

    /** {@code processed}: letters handled and gone; {@code failed}: sequences whose first letter failed again. */
    public record Retried(String processingGroup, int sequences, int failed, long processed, long remaining) {
    }

    @Operation(summary = "Dead letters of every processing group",
            description = "**Roles:** ADMIN.")
    @GetMapping("/api/admin/dead-letters")
    Mono<List<Group>> all() {
        return offLoop(() -> queues.groups().stream().map(this::group).toList());
    }

    @Operation(summary = "Dead letters of one processing group",
            description = "**Roles:** ADMIN.")
    @GetMapping("/api/admin/dead-letters/{processingGroup}")
    Mono<Group> one(@PathVariable String processingGroup) {
        return offLoop(() -> group(known(processingGroup)));
    }

    @Operation(summary = "Retry every parked sequence of a group, in order",
            description = "**Roles:** ADMIN.")
    @PostMapping("/api/admin/dead-letters/{processingGroup}/retry")
    Mono<Retried> retry(@PathVariable String processingGroup) {
        return offLoop(() -> retry(known(processingGroup), null));
    }

    @Operation(summary = "Retry one parked sequence (an account)",
            description = "**Roles:** ADMIN.")
    @PostMapping("/api/admin/dead-letters/{processingGroup}/sequences/{sequenceIdentifier}/retry")
    Mono<Retried> retrySequence(@PathVariable String processingGroup, @PathVariable String sequenceIdentifier) {
        return offLoop(() -> {
            String group = known(processingGroup);
            if (!queue(group).contains(sequenceIdentifier)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "no dead letters for " + sequenceIdentifier + " in " + group);
            }
            return retry(group, sequenceIdentifier);
        });
    }

    private String known(String group) {
        if (!queues.knows(group)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no processing group " + group);
        }
        return group;
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return queues.queue(group).orElseThrow();
    }

    private Group group(String group) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<Sequence> sequences = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            List<Letter> letters = new ArrayList<>();
            String identifier = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                identifier = identifier == null ? sequenceOf(letter) : identifier;
                if (letters.size() == SHOWN_PER_SEQUENCE) {
                    break;
                }
                letters.add(letter(letter));
            }
            if (identifier != null) {
                sequences.add(new Sequence(identifier, queue.sequenceSize(identifier), letters));
            }
        }
        sequences.sort(java.util.Comparator.comparing(Sequence::sequenceIdentifier));
        String processor = processing.eventProcessorByProcessingGroup(group).map(EventProcessor::getName).orElse(null);
        return new Group(group, processor, sequences.stream().mapToLong(Sequence::size).sum(), sequences);
    }

    private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Long position = event instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null
                ? tracked.trackingToken().position().stream().boxed().findFirst().orElse(null) : null;
        int attempts = ProjectionFailurePolicy.attempts(letter.diagnostics());
        return new Letter(event.getIdentifier(), event.getPayloadType().getSimpleName(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), position, event.getTimestamp(),
                letter.cause().map(Cause::type).orElse(null), letter.cause().map(Cause::message).orElse(null),
                attempts, letter.enqueuedAt(), attempts > 0 ? letter.lastTouched() : null);
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof MongoDeadLetter<?> stored ? stored.sequenceIdentifier()
                : letter.message() instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier()
                : letter.message().getIdentifier();
    }

    /**
     * Hands the group's sequences (or one of them) to its handlers again, each at most once per call:
     * a sequence is handled letter by letter in order until one fails again, which stays with its
     * cause and attempt count updated, and everything behind it stays parked.
     */
    private Retried retry(String group, String onlySequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the processor of " + group + " has not started"));
        long before = queue.size();
        Set<String> tried = new HashSet<>();
        int failed = 0;
        while (true) {
            AtomicReference<String> picked = new AtomicReference<>();
            boolean succeeded = processor.process(letter -> {
                String sequence = sequenceOf(letter);
                if ((onlySequence != null && !onlySequence.equals(sequence)) || tried.contains(sequence)) {
                    return false;
                }
                picked.set(sequence);
                return true;
            });
            if (picked.get() == null) {
                break;
            }
            tried.add(picked.get());
            failed += succeeded ? 0 : 1;
        }
        long remaining = queue.size();
        return new Retried(group, tried.size(), failed, Math.max(0, before - remaining), remaining);
    }

    private static <T> Mono<T> offLoop(Supplier<T> work) {
        return Mono.fromSupplier(work).subscribeOn(Schedulers.boundedElastic());
    }
}
