package com.creditdesk.query.kpi;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.kpi.KpiQueries.GetKpis;
import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.platform.web.Problems;
import com.creditdesk.query.common.Queries;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** {@code GET /api/kpis?from=&to=}: an instant or a day (its start, UTC); by default the last 90 days. */
@RestController
class KpiController {
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(90);

    private final Queries queries;
    private final Clock clock;

    KpiController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "KPIs of a period",
            description = "**Roles:** CREDIT, ANALYST. `from`/`to` are instants or days (UTC); by default the last 90 days. Ratios with nothing to divide by are null. "
                    + "`applications`: credit applications whose decision became final in the period (above the approval authority: at the second approval), per outcome, with the median hours from filing; "
                    + "`periodicReviews`: reviews due on a day of the period (up to today) and those concluded at the latest `graceDays` (" + KpiFigures.REVIEW_GRACE_DAYS + ") days after their due day.")
    @GetMapping("/api/kpis")
    Mono<Kpis> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(DEFAULT_PERIOD) : instant("from", from);
        if (!start.isBefore(end)) {
            throw invalid("from", "from (" + start + ") must lie before to (" + end + ")");
        }
        return queries.ask(new GetKpis(start, end), Kpis.class);
    }

    private static Instant instant(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "an instant (2026-03-01T00:00:00Z) or a day (2026-03-01), not " + value);
        }
    }

    private static ErrorResponseException invalid(String field, String message) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                Problems.invalid("The period is not valid", List.of(Problems.fieldError(field, message))), null);
    }
}
