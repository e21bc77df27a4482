package com.creditdesk.query.kpi;

import com.creditdesk.api.kpi.CollectionQueries.CollectionNumbers;
import com.creditdesk.api.kpi.CollectionQueries.GetCollectionNumbers;
import com.creditdesk.platform.web.Problems;
import com.creditdesk.query.common.Queries;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** {@code GET /api/kpis/collections?asOf=}: a day, or an instant (its day, UTC); by default today. */
@RestController
class CollectionController {
    private final Queries queries;
    private final Clock clock;

    CollectionController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "The numbers that steer collections, month by month",
            description = "**Roles:** CREDIT, ANALYST. The 12 months ending with the month of `asOf` (a day, or an instant: its day in UTC; by default today), "
                    + "counting only what happened by the end of that day. `cureRates`: per dunning step and segment, the invoices that reached the step, "
                    + "those paid in full (payments, credit notes) within 7, 14 and 30 days after the step's day and their shares, and what was collected "
                    + "on them within 30 days; `accountManagers`: booked (orders accepted or released) against collected (payments received), and at the end "
                    + "the open and overdue balance of their customers, the overdue share and DSO; `monthly`: the same per month. Amounts in the reporting currency.")
    @GetMapping("/api/kpis/collections")
    Mono<CollectionNumbers> collections(@RequestParam(required = false) String asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : day(asOf);
        return queries.ask(new GetCollectionNumbers(day), CollectionNumbers.class);
    }

    private static LocalDate day(String value) {
        try {
            LocalDate day = value.length() == 10 ? LocalDate.parse(value)
                    : LocalDate.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            if (day.getYear() < 1 || day.getYear() > 9999) {
                throw new java.time.DateTimeException("out of range");
            }
            return day;
        } catch (java.time.DateTimeException e) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid("The date is not valid",
                    List.of(Problems.fieldError("asOf", "a day (2026-03-01) or an instant (2026-03-01T00:00:00Z), not "
                            + value))), null);
        }
    }
}
