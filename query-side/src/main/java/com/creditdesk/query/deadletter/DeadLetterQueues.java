package com.creditdesk.query.deadletter;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.deadletter.MongoSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every processing group of the query side gets a dead-letter queue in MongoDB (the Axon Mongo
 * extension's {@link MongoSequencedDeadLetterQueue}, collection {@code deadletters}, serialized
 * with the project's Jackson serializer). An event a projection's handler fails on is parked there
 * with its cause instead of stopping the processor or being skipped; later events of the same
 * account (the group's sequencing policy: per aggregate) are parked behind it, so that view never
 * sees an account's events out of order, while every other account and every other group goes on.
 * Parked events are handled again on request ({@code POST /api/admin/dead-letters/{group}/retry}).
 * <p>
 * The groups share one processor (see {@link com.creditdesk.query.common.ProjectionProcessing}),
 * but a queue belongs to a group: Axon wraps each group's handlers in a dead-lettering invoker of
 * its own, so one failing view parks nothing of the others.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterQueues {
    /** Generous bounds: a full queue throws, which halts the whole processor. */
    static final int MAX_SEQUENCES = 10_000;
    static final int MAX_SEQUENCE_SIZE = 100_000;

    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<EventProcessingConfiguration> processing;

    DeadLetterQueues(ObjectProvider<EventProcessingConfiguration> processing) {
        this.processing = processing;
    }

    @Autowired
    void deadLetterEveryGroup(EventProcessingConfigurer configurer, ObjectProvider<MongoTemplate> template) {
        configurer.registerDeadLetterQueueProvider(group -> {
            groups.add(group);
            configurer.registerDeadLetterPolicy(group, config -> new ProjectionFailurePolicy());
            // the queue is asked once per segment whether it is empty, then only about accounts it holds
            configurer.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (config, invoker) -> invoker.enableSequenceIdentifierCache());
            return config -> MongoSequencedDeadLetterQueue.<EventMessage<?>>builder()
                    .processingGroup(group)
                    .mongoTemplate(template.getObject())
                    .serializer(config.serializer())
                    .maxSequences(MAX_SEQUENCES)
                    .maxSequenceSize(MAX_SEQUENCE_SIZE)
                    .build();
        });
    }

    /** The processing groups that have a queue, by name. */
    public Collection<String> groups() {
        return new TreeSet<>(groups);
    }

    public boolean knows(String group) {
        return groups.contains(group);
    }

    /** The queue of a known group (never creates one for an unknown name). */
    public Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String group) {
        return knows(group) ? processing.getObject().deadLetterQueue(group) : Optional.empty();
    }

    /** Letters parked in the groups that the named processor serves. */
    public long lettersOf(String processorName) {
        EventProcessingConfiguration configuration = processing.getObject();
        return groups.stream()
                .filter(group -> configuration.eventProcessorByProcessingGroup(group)
                        .map(processor -> processor.getName().equals(processorName)).orElse(false))
                .flatMap(group -> configuration.deadLetterQueue(group).stream())
                .mapToLong(SequencedDeadLetterQueue::size).sum();
    }

    /** Drops the letters of these groups: a rebuild that applied every event of theirs replaces them. */
    public void clear(Collection<String> rebuiltGroups) {
        rebuiltGroups.stream().filter(this::knows).flatMap(group -> queue(group).stream())
                .forEach(SequencedDeadLetterQueue::clear);
    }
}
