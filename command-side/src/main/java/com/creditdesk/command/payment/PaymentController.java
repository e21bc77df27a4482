package com.creditdesk.command.payment;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.payment.PaymentCommands.PaymentRegistration;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.Amount;
import com.creditdesk.platform.web.validation.CurrencyCode;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.OptionalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;

@RestController
@RequestMapping("/api/accounts/{customerId}/payments")
class PaymentController {
    private final CommandSender commands;

    PaymentController(CommandSender commands) {
        this.commands = commands;
    }

    record RegisterPaymentRequest(@Id String paymentId, @Amount BigDecimal amount, @CurrencyCode String currency,
                                  @NotNull LocalDate receivedOn, @OptionalId String invoiceId) {
    }

    /** Settles the named invoice, else the oldest open invoices first; a surplus is unapplied credit. */
    @Operation(summary = "Register a payment",
            description = "**Roles:** INTEGRATION. Without an invoice it settles the oldest open invoices first; more than is owed becomes an unapplied credit.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PaymentRegistration> register(@PathVariable @Id String customerId,
                                       @Valid @RequestBody RegisterPaymentRequest body, Authentication user) {
        return register(customerId, body, user.getName());
    }

    /** Over HTTP and from the message broker alike. */
    Mono<PaymentRegistration> register(String customerId, RegisterPaymentRequest body, String actor) {
        return commands.send(new RegisterPayment(customerId, body.paymentId(), body.amount(), body.currency(),
                body.receivedOn(), body.invoiceId(), actor));
    }
}
