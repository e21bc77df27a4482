package com.creditdesk.query.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import com.creditdesk.platform.store.NodeId;
import com.creditdesk.query.common.ProjectionTokens;
import com.creditdesk.query.common.SegmentBalancing;
import com.creditdesk.query.deadletter.DeadLetterQueues;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The operator's view of the event processors that build the projections: whether each runs or
 * replays, how far it got (the lowest position of its segments) and how far behind the store it is.
 */
@RestController
class ProjectionsController {
    private final EventProcessingConfiguration processing;
    private final EventStore events;
    private final ProjectionReplay replay;
    private final DeadLetterQueues deadLetters;
    private final ProjectionTokens tokens;
    private final SegmentBalancing balancing;
    private final NodeId node;

    ProjectionsController(EventProcessingConfiguration processing, EventStore events, ProjectionReplay replay,
                          DeadLetterQueues deadLetters, ProjectionTokens tokens, SegmentBalancing balancing,
                          NodeId node) {
        this.processing = processing;
        this.events = events;
        this.replay = replay;
        this.deadLetters = deadLetters;
        this.tokens = tokens;
        this.balancing = balancing;
        this.node = node;
    }

    /**
     * {@code position} and {@code lag} are those of the views being served, over all segments whichever
     * instance holds them (read from the token store; null before every segment has a position);
     * during a rebuild, {@code replay} tells how far the fresh views have got; {@code deadLetters}
     * counts the events parked in the dead-letter queues of its processing groups; {@code lastReplay}
     * tells how the last rebuild since this process started ended. {@code instance} is this instance's
     * node id, {@code segments} the segments it processes, {@code segmentCount} how many there are and
     * {@code instances} how many query-side instances share them (heartbeats seen recently).
     */
    public record ProjectionStatus(String name, String status, Long position, long headPosition, Long lag,
                                   ReplayProgress replay, long deadLetters, ProjectionReplay.Outcome lastReplay,
                                   String instance, List<Integer> segments, int segmentCount, int instances) {
    }

    public record ReplayProgress(java.time.Instant startedAt, Long position, Long lag) {
    }

    /** A rebuild that started: {@code status} REPLAYING. */
    public record ReplayStarted(String name, String status) {
    }

    @Operation(summary = "Rebuild the projections blue-green from the first event",
            description = "**Roles:** ADMIN. 202 once the rebuild started; 409 while one runs.")
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    @ApiResponse(responseCode = "409", description = "A rebuild is running already",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @PostMapping("/api/admin/projections/{name}/replay")
    Mono<ResponseEntity<ReplayStarted>> replay(@PathVariable String name) {
        if (!ProjectionReplay.knows(name)) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no projection " + name));
        }
        return Mono.fromCallable(replay::start).subscribeOn(Schedulers.boundedElastic()).flatMap(started -> started
                ? Mono.just(ResponseEntity.accepted().body(new ReplayStarted(name, "REPLAYING")))
                : Mono.error(new ResponseStatusException(HttpStatus.CONFLICT, name + " is being rebuilt already")));
    }

    @Operation(summary = "Projection status",
            description = "**Roles:** ADMIN.")
    @GetMapping("/api/admin/projections")
    Mono<List<ProjectionStatus>> projections() {
        return Mono.fromCallable(this::statuses).subscribeOn(Schedulers.boundedElastic());
    }

    private List<ProjectionStatus> statuses() {
        long head = Optional.ofNullable(events.createHeadToken()).flatMap(token -> boxed(token.position())).orElse(-1L);
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(processor -> status(processor, head)).toList();
    }

    private ProjectionStatus status(StreamingEventProcessor processor, long head) {
        Collection<EventTrackerStatus> segments = processor.processingStatus().values();
        Optional<ProjectionReplay.Progress> rebuild = ProjectionReplay.knows(processor.getName())
                ? replay.progress() : Optional.empty();
        String status = rebuild.isPresent() || segments.stream().anyMatch(EventTrackerStatus::isReplaying)
                ? "REPLAYING" : processor.isRunning() ? "RUNNING" : "STOPPED";
        ProjectionTokens.Snapshot stored = tokens.read(processor.getName());
        Long position = boxed(stored.position()).orElse(null);
        return new ProjectionStatus(processor.getName(), status, position, head,
                position == null ? null : Math.max(0, head - position),
                rebuild.map(progress -> new ReplayProgress(progress.startedAt(), progress.position(),
                        progress.position() == null ? null : Math.max(0, head - progress.position()))).orElse(null),
                deadLetters.lettersOf(processor.getName()),
                ProjectionReplay.knows(processor.getName()) ? replay.lastOutcome().orElse(null) : null,
                node.value(), processor.processingStatus().keySet().stream().sorted().toList(),
                stored.segments().size(), balancing.liveInstances());
    }

    private static Optional<Long> boxed(java.util.OptionalLong value) {
        return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
    }
}
