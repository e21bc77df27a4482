package com.creditdesk.query.live;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.views.ViewQueries.FinanceView;
import com.creditdesk.api.views.ViewQueries.GetFinanceView;
import com.creditdesk.api.views.ViewQueries.GetSalesView;
import com.creditdesk.api.views.ViewQueries.SalesView;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.query.common.Queries;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Optional;

import static org.axonframework.messaging.responsetypes.ResponseTypes.instanceOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;

/**
 * The live views for dashboards, as server-sent events on Axon subscription queries: the current
 * view first, then one event per change (changes that arrive while a worklist is being read again
 * are folded into one), and a heartbeat comment so proxies keep the connection. When the client goes,
 * the subscription is cancelled.
 */
@RestController
class LiveViewController {
    private final QueryGateway gateway;
    private final Queries queries;
    private final Duration heartbeat;
    /** One reading of the finance view per change (at most one per spacing), shared by all its subscribers. */
    private final Flux<FinanceView> finance;

    /** The least time between two readings of a worklist: changes in between fold into the next one. */
    private final Duration spacing;

    LiveViewController(QueryGateway gateway, Queries queries, LiveSettings settings) {
        this.gateway = gateway;
        this.queries = queries;
        this.heartbeat = settings.heartbeat();
        this.spacing = settings.worklistSpacing();
        // the latest reading goes to every subscriber at once, then each later one
        this.finance = views(new GetFinanceView(), FinanceView.class).replay(1).refCount();
    }

    /**
     * The worklist read now and again after each change, at most once per {@code spacing}: under load
     * a few readings a second carry every change, never one reading per event. The change feed is
     * registered before the first reading (Axon keeps what arrives meanwhile), so no change can fall
     * between the first reading and the feed.
     */
    private <V> Flux<V> views(Object query, Class<V> type) {
        return Flux.defer(() -> {
            SubscriptionQueryResult<Object, ViewChanged> changes =
                    gateway.subscriptionQuery(query, instanceOf(Object.class), instanceOf(ViewChanged.class));
            Flux<V> afterChanges = changes.updates().onBackpressureLatest().concatMap(change -> queries.ask(query, type)
                    .concatWith(Mono.delay(spacing).then(Mono.empty())), 1);
            return queries.ask(query, type).concatWith(afterChanges).doFinally(signal -> changes.cancel());
        });
    }

    @Operation(operationId = "streamAccount", summary = "Live stream of an account view",
            description = "**Roles:** any authenticated role. `text/event-stream`: the current view first, then the view again after each change (event `account`); a heartbeat comment in between.")
    @GetMapping(path = "/api/stream/accounts/{customerId}", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> account(@PathVariable @Id String customerId) {
        return Flux.defer(() -> {
            SubscriptionQueryResult<Optional<AccountView>, AccountView> result = gateway.subscriptionQuery(
                    new FindAccount(customerId), optionalInstanceOf(AccountView.class), instanceOf(AccountView.class));
            Mono<AccountView> current = result.initialResult().subscribeOn(Schedulers.boundedElastic())
                    .flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(
                            new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + customerId))));
            return live("account", current.concatWith(result.updates())).doFinally(signal -> result.cancel());
        });
    }

    @Operation(operationId = "streamSales", summary = "Live stream of a sales worklist",
            description = "**Roles:** SALES, ANALYST, ADMIN. `text/event-stream`: the current view first, then the view again after each change (event `sales`); a heartbeat comment in between.")
    @GetMapping(path = "/api/stream/views/sales", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> sales(@RequestParam @Id String accountManager) {
        return live("sales", views(new GetSalesView(accountManager), SalesView.class));
    }

    @Operation(operationId = "streamFinance", summary = "Live stream of the finance view",
            description = "**Roles:** CREDIT, ANALYST, ADMIN. `text/event-stream`: the current view first, then the view again after each change (event `finance`); a heartbeat comment in between.")
    @GetMapping(path = "/api/stream/views/finance", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> finance() {
        return live("finance", finance);
    }

    private Flux<ServerSentEvent<Object>> live(String name, Flux<?> views) {
        Flux<ServerSentEvent<Object>> events = views.map(view -> ServerSentEvent.builder((Object) view).event(name).build());
        Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(heartbeat, heartbeat)
                .map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
        return events.mergeWith(heartbeats); // the views never complete; an error (404) ends both
    }
}
