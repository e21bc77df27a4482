package com.creditdesk.command.admin;

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
import java.util.Map;

/** Moves the system's clock forward, for demos and tests; absent unless the clock is adjustable. */
@RestController
@RequestMapping("/api/admin/clock")
@ConditionalOnProperty(name = "creditdesk.clock.adjustable", havingValue = "true")
class ClockController {
    private final CreditDeskClock clock;

    ClockController(CreditDeskClock clock) {
        this.clock = clock;
    }

    record MoveClock(@NotNull Instant now) {
    }

    @GetMapping
    Map<String, Instant> now() {
        return Map.of("now", clock.instant());
    }

    @PostMapping
    Mono<Map<String, Instant>> move(@Valid @RequestBody MoveClock body) {
        return Mono.fromCallable(() -> Map.of("now", clock.moveTo(body.now())))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
