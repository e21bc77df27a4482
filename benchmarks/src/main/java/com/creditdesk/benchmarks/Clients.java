package com.creditdesk.benchmarks;

import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.query.common.Queries;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The two ways the benchmark talks to the apps. {@code http} is the real client path (HTTP Basic,
 * validation, JSON, WebFlux). {@code in-process} calls the beans the controllers call
 * ({@link CommandSender}, {@link Queries}): the same command and query handling, without HTTP and
 * its per-request authentication, so the store and the handling show through.
 */
final class Clients {
    private static final BigDecimal NO_VIEW = BigDecimal.ONE.negate();

    interface Client {
        String name();

        /** Places an order of {@link StoreFiller#ORDER_AMOUNT}; completes with null if it was recorded, else why not. */
        CompletableFuture<String> placeOrder(String customerId, String orderId);

        /** The exposure the account view shows, or -1 while there is no view of the account. */
        BigDecimal exposure(String customerId);
    }

    private Clients() {
    }

    static Client http(Http http) {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return new Client() {
            @Override
            public String name() {
                return "http";
            }

            @Override
            public CompletableFuture<String> placeOrder(String customerId, String orderId) {
                return http.sendAsync(http.placeOrder(customerId, orderId)).handle((response, failure) ->
                        failure != null ? failure.toString()
                                : response.statusCode() == 201 ? null : problem(response));
            }

            @Override
            public BigDecimal exposure(String customerId) {
                try {
                    HttpResponse<String> response = http.send(http.account(customerId));
                    return response.statusCode() != 200 ? NO_VIEW
                            : json.readTree(response.body()).get("exposure").decimalValue();
                } catch (IOException | RuntimeException e) {
                    return NO_VIEW;
                }
            }
        };
    }

    static Client inProcess(SystemUnderTest app) {
        CommandSender commands = app.commandSide().getBean(CommandSender.class);
        Queries queries = app.querySide().getBean(Queries.class);
        return new Client() {
            @Override
            public String name() {
                return "in-process";
            }

            @Override
            public CompletableFuture<String> placeOrder(String customerId, String orderId) {
                return commands.send(new PlaceOrder(customerId, orderId, StoreFiller.ORDER_AMOUNT, "EUR",
                        StoreFiller.DESCRIPTION, "erp")).toFuture().handle((answer, failure) ->
                        failure == null ? null : failure.toString());
            }

            @Override
            public BigDecimal exposure(String customerId) {
                return queries.find(new FindAccount(customerId), AccountView.class, "no account")
                        .map(AccountView::exposure).onErrorResume(e -> Mono.empty())
                        .blockOptional(Duration.ofSeconds(10)).orElse(NO_VIEW);
            }
        };
    }

    static String problem(HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body();
        return response.statusCode() + " " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
    }
}
