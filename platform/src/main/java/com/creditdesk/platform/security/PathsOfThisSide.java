package com.creditdesk.platform.security;

import com.creditdesk.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Whether this side serves a request's method and path at all. Each side's access rules end in
 * {@code /api/** denyAll}, so a request for a path the side does not have (a command sent to the query side,
 * a query to the command side, a mistyped path) was refused as a role's: 403 "Your role may not do this".
 * Asked when access is denied, this tells such a request (404, naming the side) from one a role may not make.
 */
final class PathsOfThisSide {
    private final ObjectProvider<DispatcherHandler> dispatcher;
    /** "command side", "query side", or null when the application's name says neither. */
    private final String side;

    PathsOfThisSide(ObjectProvider<DispatcherHandler> dispatcher, String applicationName) {
        this.dispatcher = dispatcher;
        this.side = applicationName.contains("query") ? "query side"
                : applicationName.contains("command") ? "command side" : null;
    }

    /**
     * True if a handler of this side answers the request's method and path (whatever else it then finds
     * wrong with it, such as its media type). Static resources do not count: their handler takes any path.
     */
    Mono<Boolean> serves(ServerWebExchange exchange) {
        DispatcherHandler handler = dispatcher.getIfAvailable();
        List<HandlerMapping> mappings = handler == null || handler.getHandlerMappings() == null ? List.of()
                : handler.getHandlerMappings();
        return Flux.fromIterable(mappings)
                .concatMap(mapping -> mapping.getHandler(exchange)
                        .map(found -> !(found instanceof ResourceWebHandler))
                        .onErrorResume(MethodNotAllowedException.class, otherMethodsOnly -> Mono.empty())
                        .onErrorResume(foundButRefused -> Mono.just(true)))
                .filter(Boolean::booleanValue)
                .next()
                .defaultIfEmpty(false);
    }

    ProblemDetail notHere(ServerWebExchange exchange) {
        String request = exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value();
        String detail;
        if ("query side".equals(side)) {
            detail = "There is no " + request + " on the query side, which only answers queries: commands go to the "
                    + "command side (by default on port 8080)";
        } else if ("command side".equals(side)) {
            detail = "There is no " + request + " on the command side, which only takes commands: queries go to the "
                    + "query side (by default on port 8081)";
        } else {
            detail = "There is no " + request + " here";
        }
        ProblemDetail problem = Problems.problem(HttpStatus.NOT_FOUND, "No such path on this side", detail);
        if (side != null) {
            problem.setProperty("side", side.replace(' ', '-'));
        }
        return problem;
    }
}
