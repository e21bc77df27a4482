package com.creditdesk.query.account;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountQueries.GetAccountAsOf;
import com.creditdesk.api.account.AccountQueries.ListAccounts;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.account.AccountView.AccountPage;
import com.creditdesk.api.timeline.TimelineQueries.GetTimeline;
import com.creditdesk.api.timeline.TimelineQueries.TimelinePage;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.OptionalId;
import com.creditdesk.query.common.Queries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

@RestController
@RequestMapping("/api/accounts")
class AccountQueryController {
    private final Queries queries;

    AccountQueryController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "An account's credit position",
            description = "**Roles:** any authenticated role.")
    @GetMapping("/{customerId}")
    Mono<AccountView> account(@PathVariable @Id String customerId) {
        return queries.find(new FindAccount(customerId), AccountView.class, "no account " + customerId);
    }

    /** The account exactly as it stood at {@code at}, rebuilt from the event store. */
    @Operation(summary = "The account exactly as it stood at an instant, rebuilt from the event store",
            description = "**Roles:** ANALYST, CREDIT.")
    @GetMapping("/{customerId}/as-of")
    Mono<AccountView> asOf(@PathVariable @Id String customerId, @RequestParam Instant at) {
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

    /** Oldest first; {@code types} is a comma-separated list of event types such as OrderBlocked. */
    @Operation(summary = "The debtor timeline, oldest first",
            description = "**Roles:** any authenticated role. `types` is a comma-separated list of event types such as OrderBlocked.")
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
        return queries.find(new FindAccount(customerId), AccountView.class, "no account " + customerId)
                .then(queries.ask(new GetTimeline(customerId, from, to, typeSet, page, size), TimelinePage.class));
    }
}
