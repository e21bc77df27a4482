package com.creditdesk.query.account;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountQueries.GetAccountAsOf;
import com.creditdesk.api.account.AccountQueries.ListAccounts;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.account.AccountView.AccountPage;
import com.creditdesk.api.timeline.TimelineQueries.GetTimeline;
import com.creditdesk.api.timeline.TimelineQueries.TimelinePage;
import com.creditdesk.platform.web.Problems;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.OptionalId;
import com.creditdesk.query.common.Queries;
import com.creditdesk.query.timeline.EventTypes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/accounts")
class AccountQueryController {
    private final Queries queries;
    /** The system's clock (moved forward in demos and tests), not the wall clock. */
    private final Clock clock;

    AccountQueryController(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Operation(summary = "An account's credit position",
            description = "**Roles:** any authenticated role.")
    @GetMapping("/{customerId}")
    Mono<AccountView> account(@PathVariable @Id String customerId) {
        return queries.find(new FindAccount(customerId), AccountView.class, "no account " + customerId);
    }

    /**
     * The account exactly as it stood at {@code at}, rebuilt from the event store. An instant still to come is
     * refused: the answer would be today's state presented as the future's.
     */
    @Operation(summary = "The account exactly as it stood at an instant, rebuilt from the event store",
            description = "**Roles:** ANALYST, CREDIT. An instant after now is a 400.")
    @GetMapping("/{customerId}/as-of")
    Mono<AccountView> asOf(@PathVariable @Id String customerId, @RequestParam Instant at) {
        Instant now = clock.instant();
        if (at.truncatedTo(ChronoUnit.MILLIS).isAfter(now)) { // the clock counts milliseconds
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalid("The instant " + at
                    + " lies in the future (it is now " + now + ")",
                    List.of(Problems.fieldError("at", "must not lie after now (" + now + ")"))), null);
        }
        return queries.find(new GetAccountAsOf(customerId, at), AccountView.class,
                "no account " + customerId + " at " + at);
    }

    @Operation(summary = "A page of accounts",
            description = "**Roles:** any authenticated role.")
    @GetMapping
    Mono<AccountPage> accounts(@RequestParam(required = false) @OptionalId String accountManager,
                               @RequestParam(required = false) Boolean onHold,
                               @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                               @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return queries.ask(new ListAccounts(accountManager, onHold, page, size), AccountPage.class);
    }

    /**
     * Oldest first; {@code types} is a comma-separated list of event types such as OrderBlocked. An unknown type
     * is refused with the known ones, rather than answered with an empty page.
     */
    @Operation(summary = "The debtor timeline, oldest first",
            description = "**Roles:** any authenticated role. `types` is a comma-separated list of event types such as "
                    + "OrderBlocked; an unknown one is a 400 naming it and listing the known ones.")
    @GetMapping("/{customerId}/timeline")
    Mono<TimelinePage> timeline(@PathVariable @Id String customerId,
                                @RequestParam(required = false) Instant from,
                                @RequestParam(required = false) Instant to,
                                @RequestParam(required = false) String types,
                                @RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        Set<String> typeSet = types == null || types.isBlank() ? Set.of()
                : Arrays.stream(types.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .collect(Collectors.toSet());
        List<String> unknown = typeSet.stream().filter(type -> !EventTypes.known().contains(type)).sorted().toList();
        if (!unknown.isEmpty()) {
            ProblemDetail problem = Problems.invalid("Unknown event type" + (unknown.size() == 1 ? " " : "s ")
                    + String.join(", ", unknown) + " in types; the known types are "
                    + String.join(", ", EventTypes.known()), List.of(Problems.fieldError("types",
                    "unknown: " + String.join(", ", unknown) + "; known: " + String.join(", ", EventTypes.known()))));
            problem.setProperty("unknownTypes", unknown);
            problem.setProperty("knownTypes", EventTypes.known());
            return Mono.error(new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null));
        }
        return queries.find(new FindAccount(customerId), AccountView.class, "no account " + customerId)
                .then(queries.ask(new GetTimeline(customerId, from, to, typeSet, page, size), TimelinePage.class));
    }
}
