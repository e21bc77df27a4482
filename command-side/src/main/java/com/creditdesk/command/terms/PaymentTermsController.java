package com.creditdesk.command.terms;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.terms.TermsCommands.AgreePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.DecidePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.TermsAnswer;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Payment terms sales agreed with a customer, so finance's due dates follow them. */
@RestController
@RequestMapping("/api/accounts/{customerId}/payment-terms")
class PaymentTermsController {
    private final CommandSender commands;

    PaymentTermsController(CommandSender commands) {
        this.commands = commands;
    }

    record TermsBody(@NotNull @Min(1) @Max(365) Integer days, @Text String reason) {
    }

    @Operation(summary = "Agree payment terms with the customer",
            description = "**Roles:** SALES. Up to 15 days above the segment's standard they apply at once; beyond, they await credit's approval.")
    @PostMapping
    Mono<TermsAnswer> agree(@PathVariable @Id String customerId, @Valid @RequestBody TermsBody body,
                            Authentication user) {
        return commands.send(new AgreePaymentTerms(customerId, body.days(), body.reason(), user.getName()));
    }

    record ApprovalBody(@NotNull Boolean approve, @Text String note) {
    }

    @Operation(summary = "Approve or refuse the terms awaiting approval",
            description = "**Roles:** CREDIT.")
    @PostMapping("/approval")
    Mono<TermsAnswer> decide(@PathVariable @Id String customerId, @Valid @RequestBody ApprovalBody body,
                             Authentication user) {
        return commands.send(new DecidePaymentTerms(customerId, body.approve(), body.note(), user.getName()));
    }
}
