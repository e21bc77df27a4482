package com.creditdesk.command.order;

import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.ReleaseOutcome;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.Amount;
import com.creditdesk.platform.web.validation.CurrencyCode;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.util.Map;

@RestController
@RequestMapping("/api/accounts/{customerId}/orders")
class OrderController {
    private final CommandSender commands;

    OrderController(CommandSender commands) {
        this.commands = commands;
    }

    record PlaceOrderRequest(@Id String orderId, @Amount BigDecimal amount, @CurrencyCode String currency,
                             @Size(max = 2000) String description) {
    }

    /** The credit decision comes back at once: ACCEPTED, or BLOCKED with every reason and the inputs. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrderPlacement> place(@PathVariable @Id String customerId, @Valid @RequestBody PlaceOrderRequest body,
                               Authentication user) {
        return commands.send(new PlaceOrder(customerId, body.orderId(), body.amount(), body.currency(),
                body.description(), user.getName()));
    }

    record CancelRequest(@Text String reason) {
    }

    @PostMapping("/{orderId}/cancel")
    Mono<Map<String, String>> cancel(@PathVariable @Id String customerId, @PathVariable @Id String orderId,
                                     @Valid @RequestBody CancelRequest body, Authentication user) {
        return commands.send(new CancelOrder(customerId, orderId, body.reason(), user.getName()))
                .thenReturn(Map.of("orderId", orderId, "status", "CANCELLED"));
    }

    record ReleaseRequestBody(@Text String justification, @NotNull ProposedMeasure proposedMeasure) {
    }

    /** Sales asks credit to release a blocked order; credit decides, so the answer is 202. */
    @PostMapping("/{orderId}/release-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<Map<String, String>> requestRelease(@PathVariable @Id String customerId, @PathVariable @Id String orderId,
                                             @Valid @RequestBody ReleaseRequestBody body, Authentication user) {
        return commands.send(new RequestRelease(customerId, orderId, body.justification(), body.proposedMeasure(),
                user.getName())).thenReturn(Map.of("orderId", orderId, "status", "RELEASE_REQUESTED"));
    }

    record ReleaseDecisionBody(@NotNull ReleaseDecision decision, @Text String note,
                               @Size(max = 2000) String conditions) {
    }

    @PostMapping("/{orderId}/release-decision")
    Mono<ReleaseOutcome> decideRelease(@PathVariable @Id String customerId, @PathVariable @Id String orderId,
                                       @Valid @RequestBody ReleaseDecisionBody body, Authentication user) {
        return commands.send(new DecideRelease(customerId, orderId, body.decision(), body.note(), body.conditions(),
                user.getName()));
    }
}
