package com.creditdesk.query.common;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;


/** Asks the projections through Axon's query bus, off the event loop (handlers read the store). */
@Component
public class Queries {
    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> ask(Object query, Class<R> resultType) {
        return Mono.defer(() -> Mono.fromFuture(gateway.query(query, ResponseTypes.instanceOf(resultType))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** For a query that finds one thing: absent is a 404 naming what was asked for. */
    public <R> Mono<R> find(Object query, Class<R> resultType, String notFound) {
        return Mono.defer(() -> Mono.fromFuture(gateway.query(query, ResponseTypes.optionalInstanceOf(resultType))))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(result -> result.map(Mono::just).orElseGet(() -> Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, notFound))));
    }

}
