package com.creditdesk.command.common;

import com.creditdesk.api.common.GloballyUnique;
import com.creditdesk.command.refusal.Refusal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Sends commands from the web layer. Handling blocks on the store, so it runs off the event loop;
 * a command creating a system-wide id claims that id first and gives it back if refused.
 */
@Component
public class CommandSender {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CommandGateway gateway;
    private final UniqueIds uniqueIds;

    public CommandSender(CommandGateway gateway, UniqueIds uniqueIds) {
        this.gateway = gateway;
        this.uniqueIds = uniqueIds;
    }

    public <R> Mono<R> send(Object command) {
        Mono<R> dispatch = Mono.defer(() -> Mono.<R>fromFuture(gateway.send(command)));
        if (command instanceof GloballyUnique unique) {
            Mono<R> send = dispatch;
            dispatch = Mono.fromCallable(() -> uniqueIds.claim(unique))
                    .flatMap(claimedNow -> send.onErrorResume(e -> {
                        if (claimedNow && refused(e)) {
                            uniqueIds.release(unique);
                        }
                        return Mono.error(e);
                    }));
        }
        return dispatch.subscribeOn(Schedulers.boundedElastic()).timeout(TIMEOUT);
    }

    private static boolean refused(Throwable e) {
        return e instanceof Refusal || e instanceof AggregateNotFoundException;
    }
}
