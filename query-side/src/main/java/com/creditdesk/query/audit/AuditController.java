package com.creditdesk.query.audit;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.platform.web.Problems;
import com.creditdesk.platform.web.validation.OptionalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** For analysts and auditors: the whole history as NDJSON, and what a changed policy would have decided. */
@RestController
class AuditController {
    private final EventHistory history;
    private final PolicySimulation simulation;

    AuditController(EventHistory history, PolicySimulation simulation) {
        this.history = history;
        this.simulation = simulation;
    }

    /**
     * Always NDJSON, streamed: also to a client that asks for JSON (or anything, or says nothing), which reads
     * the answer line by line. Only a client that accepts neither (e.g. {@code text/html} alone) gets 406.
     */
    @Operation(summary = "Export the events as NDJSON, one line per event, streamed",
            description = "**Roles:** ANALYST. NDJSON to any client that accepts it, JSON or anything.")
    @GetMapping(value = "/api/events", produces = {MediaType.APPLICATION_NDJSON_VALUE, MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<Flux<ExportedEvent>> export(@RequestParam(required = false) @OptionalId String customerId,
                                               @RequestParam(required = false) Instant from,
                                               @RequestParam(required = false) Instant to) {
        if (reversed(from, to)) {
            throw invalidPeriod(from, to);
        }
        // a content type set here is the one written: the NDJSON encoder, whatever the Accept header preferred
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_NDJSON)
                .body(history.read(customerId, from, to).map(ExportedEvent::of));
    }

    /** Parameters left out keep policy v1's value. */
    record PolicyChange(@Min(0) @Max(3650) Integer overdueDaysTolerance,
                        @DecimalMin("0") @DecimalMax("10") @Digits(integer = 2, fraction = 4) BigDecimal overdueShareTolerance,
                        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
                        BigDecimal limitMultiplier,
                        Boolean reviewsBlock,
                        @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
                        BigDecimal groupLimitMultiplier) {

        CreditPolicy applyTo(CreditPolicy base) {
            return new CreditPolicy("simulated",
                    overdueDaysTolerance != null ? overdueDaysTolerance : base.overdueDaysTolerance(),
                    overdueShareTolerance != null ? overdueShareTolerance : base.overdueShareTolerance(),
                    limitMultiplier != null ? limitMultiplier : base.limitMultiplier(),
                    reviewsBlock != null ? reviewsBlock : base.reviewsBlock(),
                    groupLimitMultiplier != null ? groupLimitMultiplier : base.groupLimitMultiplier());
        }
    }

    record SimulationRequest(Instant from, Instant to, @Valid PolicyChange policy) {
    }

    @Operation(summary = "Simulate a changed credit policy over the recorded decisions",
            description = "**Roles:** ANALYST. Parameters left out keep policy v1's value.")
    @PostMapping("/api/analysis/policy-simulation")
    Mono<PolicySimulation.Result> simulate(@Valid @RequestBody SimulationRequest body) {
        if (reversed(body.from(), body.to())) {
            return Mono.error(invalidPeriod(body.from(), body.to()));
        }
        CreditPolicy policy = body.policy() == null ? CreditPolicy.V1 : body.policy().applyTo(CreditPolicy.V1);
        return simulation.run(body.from(), body.to(), policy);
    }

    private static boolean reversed(Instant from, Instant to) {
        return from != null && to != null && !from.isBefore(to);
    }

    private static ErrorResponseException invalidPeriod(Instant from, Instant to) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid("The period is not valid",
                List.of(Problems.fieldError("from", "from (" + from + ") must lie before to (" + to + ")"))), null);
    }
}
