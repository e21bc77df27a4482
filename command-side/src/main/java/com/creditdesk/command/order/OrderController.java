package com.creditdesk.command.order;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.ReleaseOutcome;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.command.group.GroupOrders;
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

@RestController
@RequestMapping("/api/accounts/{customerId}/orders")
class OrderController {
    private final CommandSender commands;
    private final GroupOrders groupOrders;

    OrderController(CommandSender commands, GroupOrders groupOrders) {
        this.commands = commands;
        this.groupOrders = groupOrders;
    }

    record PlaceOrderRequest(@Id String orderId, @Amount BigDecimal amount, @CurrencyCode String currency,
                             @Size(max = 2000) String description) {
    }

    /** The credit decision comes back at once: ACCEPTED, or BLOCKED with every reason and the inputs. */
    @Operation(summary = "Place an order: the credit decision comes back at once",
            description = "**Roles:** INTEGRATION. ACCEPTED, or BLOCKED with every reason (ACCOUNT_ON_HOLD, OVERDUE_INVOICES, LIMIT_EXCEEDED, CREDIT_REVIEW, GROUP_LIMIT_EXCEEDED for a member of a corporate group) and the inputs of the decision.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<OrderPlacement> place(@PathVariable @Id String customerId, @Valid @RequestBody PlaceOrderRequest body,
                               Authentication user) {
        return place(customerId, body, user.getName());
    }

    /** Over HTTP and from the message broker alike. */
    Mono<OrderPlacement> place(String customerId, PlaceOrderRequest body, String actor) {
        return groupOrders.place(new PlaceOrder(customerId, body.orderId(), body.amount(), body.currency(),
                body.description(), actor));
    }

    record CancelRequest(@Text String reason) {
    }

    /** The order's status after a cancellation (CANCELLED) or a release request (RELEASE_REQUESTED). */
    record OrderStatus(String orderId, String status) {
    }

    @Operation(summary = "Cancel an order",
            description = "**Roles:** INTEGRATION.")
    @PostMapping("/{orderId}/cancel")
    Mono<OrderStatus> cancel(@PathVariable @Id String customerId, @PathVariable @Id String orderId,
                                     @Valid @RequestBody CancelRequest body, Authentication user) {
        return cancel(customerId, orderId, body, user.getName());
    }

    /** Over HTTP and from the message broker alike. */
    Mono<OrderStatus> cancel(String customerId, String orderId, CancelRequest body, String actor) {
        return commands.send(new CancelOrder(customerId, orderId, body.reason(), actor))
                .thenReturn(new OrderStatus(orderId, "CANCELLED"));
    }

    record ReleaseRequestBody(@Text String justification, @NotNull ProposedMeasure proposedMeasure) {
    }

    /** Sales asks credit to release a blocked order; credit decides, so the answer is 202. */
    @Operation(summary = "Ask credit to release a blocked order",
            description = "**Roles:** SALES. Credit decides, so the answer is 202.")
    @PostMapping("/{orderId}/release-requests")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<OrderStatus> requestRelease(@PathVariable @Id String customerId, @PathVariable @Id String orderId,
                                             @Valid @RequestBody ReleaseRequestBody body, Authentication user) {
        return commands.send(new RequestRelease(customerId, orderId, body.justification(), body.proposedMeasure(),
                user.getName())).thenReturn(new OrderStatus(orderId, "RELEASE_REQUESTED"));
    }

    record ReleaseDecisionBody(@NotNull ReleaseDecision decision, @Text String note,
                               @Size(max = 2000) String conditions) {
    }

    @Operation(summary = "Release or reject a blocked order",
            description = "**Roles:** CREDIT. Never the person who asked for the release (four eyes: 403).")
    @PostMapping("/{orderId}/release-decision")
    Mono<ReleaseOutcome> decideRelease(@PathVariable @Id String customerId, @PathVariable @Id String orderId,
                                       @Valid @RequestBody ReleaseDecisionBody body, Authentication user) {
        return commands.send(new DecideRelease(customerId, orderId, body.decision(), body.note(), body.conditions(),
                user.getName()));
    }
}
