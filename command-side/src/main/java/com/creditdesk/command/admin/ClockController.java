package com.creditdesk.command.admin;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.command.dunning.DunningTimers;
import com.creditdesk.platform.clock.CreditDeskClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;

/**
 * Moves the system's clock forward, for demos and tests; absent unless the clock is adjustable.
 * The answer comes once every dunning step that fell due has been recorded.
 */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "creditdesk.clock.adjustable", havingValue = "true")
class ClockController {
    private final CreditDeskClock clock;
    private final DunningTimers dunningTimers;

    ClockController(CreditDeskClock clock, DunningTimers dunningTimers) {
        this.clock = clock;
        this.dunningTimers = dunningTimers;
    }

    record MoveClock(@NotNull Instant now) {
    }

    record ClockAnswer(Instant now) {
    }

    @Operation(summary = "Read the adjustable clock",
            description = "**Roles:** ADMIN. Only where `creditdesk.clock.adjustable=true` (standalone mode); elsewhere 404.")
    @GetMapping
    ClockAnswer now() {
        return new ClockAnswer(clock.instant());
    }

    @Operation(summary = "Move the adjustable clock forward",
            description = "**Roles:** ADMIN. Only forward (409 otherwise); the answer comes once every dunning step that fell due was recorded. Only where the clock is adjustable; elsewhere 404.")
    @PostMapping
    Mono<ClockAnswer> move(@Valid @RequestBody MoveClock body) {
        return Mono.fromCallable(() -> {
                    Instant now = clock.moveTo(body.now());
                    dunningTimers.clockMoved();
                    return new ClockAnswer(now);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
