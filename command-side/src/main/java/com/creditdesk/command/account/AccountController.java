package com.creditdesk.command.account;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.account.AccountCommands.LiftHold;
import com.creditdesk.api.account.AccountCommands.LimitAnswer;
import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.PutOnHold;
import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.command.common.CommandAccess;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.Amount;
import com.creditdesk.platform.web.validation.AmountOrZero;
import com.creditdesk.platform.web.validation.CurrencyCode;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/accounts")
class AccountController {
    private final CommandSender commands;

    AccountController(CommandSender commands) {
        this.commands = commands;
    }

    record OpenAccountRequest(@Id String customerId, @Text @Size(max = 200) String name, @NotNull Segment segment,
                              @CurrencyCode String currency, @Text @Size(max = 64) String accountManager,
                              @NotNull Language language, @Email @Size(max = 254) String email) {
    }

    record AccountOpened(String customerId) {
    }

    @Operation(summary = "Open a customer credit account",
            description = "**Roles:** INTEGRATION. Besides the contract's fields an optional `email`, where reminders are sent.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<AccountOpened> open(@Valid @RequestBody OpenAccountRequest body, Authentication user) {
        return open(body, user.getName());
    }

    /** Over HTTP and from the message broker alike. */
    Mono<AccountOpened> open(OpenAccountRequest body, String actor) {
        return commands.<String>send(new OpenAccount(body.customerId(), body.name(), body.segment(), body.currency(),
                        body.accountManager(), body.language(), actor, body.email()))
                .map(AccountOpened::new);
    }

    record CreditLimitRequest(@AmountOrZero BigDecimal amount, @NotNull LimitSource source, @Text String reason,
                              LocalDate reviewDate) {
    }

    /** Credit sets the analyst's limit; the insurer's limit comes in through an integration. */
    @Operation(summary = "Set the analyst's or the insurer's credit limit",
            description = "**Roles:** CREDIT (source ANALYST), INTEGRATION (source INSURER). The effective limit is the lower of the two when both exist.")
    @PutMapping("/{customerId}/credit-limit")
    Mono<LimitAnswer> setCreditLimit(@PathVariable @Id String customerId, @Valid @RequestBody CreditLimitRequest body,
                                     Authentication user) {
        String required = CommandAccess.roleSettingLimitsFrom(body.source());
        if (!CommandAccess.rolesOf(user).contains(required)) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "a limit from source " + body.source() + " is set by role " + required));
        }
        return commands.send(new SetCreditLimit(customerId, body.amount(), body.source(), body.reason(),
                body.reviewDate(), user.getName()));
    }

    record SecurityRequest(@Id String securityId, @NotNull SecurityType type, @Amount BigDecimal amount,
                           LocalDate validUntil) {
    }

    record SecurityRegistered(String securityId) {
    }

    @Operation(summary = "Register a bank guarantee or a prepayment",
            description = "**Roles:** CREDIT.")
    @PostMapping("/{customerId}/securities")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SecurityRegistered> registerSecurity(@PathVariable @Id String customerId,
                                               @Valid @RequestBody SecurityRequest body, Authentication user) {
        return commands.<String>send(new RegisterSecurity(customerId, body.securityId(), body.type(), body.amount(),
                        body.validUntil(), user.getName()))
                .map(SecurityRegistered::new);
    }

    record HoldRequest(@Text String reason) {
    }

    record HoldAnswer(String customerId, boolean onHold) {
    }

    @Operation(summary = "Put the account on hold",
            description = "**Roles:** CREDIT.")
    @PostMapping("/{customerId}/hold")
    Mono<HoldAnswer> putOnHold(@PathVariable @Id String customerId, @Valid @RequestBody HoldRequest body,
                                        Authentication user) {
        return commands.send(new PutOnHold(customerId, body.reason(), user.getName()))
                .thenReturn(new HoldAnswer(customerId, true));
    }

    @Operation(summary = "Lift the hold",
            description = "**Roles:** CREDIT.")
    @DeleteMapping("/{customerId}/hold")
    Mono<HoldAnswer> liftHold(@PathVariable @Id String customerId, @Valid @RequestBody HoldRequest body,
                                       Authentication user) {
        return commands.send(new LiftHold(customerId, body.reason(), user.getName()))
                .thenReturn(new HoldAnswer(customerId, false));
    }
}
