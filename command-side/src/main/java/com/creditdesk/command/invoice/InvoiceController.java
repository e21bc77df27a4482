package com.creditdesk.command.invoice;

import com.creditdesk.api.invoice.InvoiceCommands.InvoiceIssuance;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
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
@RequestMapping("/api/accounts/{customerId}/invoices")
class InvoiceController {
    private final CommandSender commands;

    InvoiceController(CommandSender commands) {
        this.commands = commands;
    }

    record IssueInvoiceRequest(@Id String invoiceId, @OptionalId String orderId, @Amount BigDecimal amount,
                               @CurrencyCode String currency, @NotNull LocalDate issueDate, LocalDate dueDate) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<InvoiceIssuance> issue(@PathVariable @Id String customerId, @Valid @RequestBody IssueInvoiceRequest body,
                                Authentication user) {
        return commands.send(new IssueInvoice(customerId, body.invoiceId(), body.orderId(), body.amount(),
                body.currency(), body.issueDate(), body.dueDate(), user.getName()));
    }
}
