package com.creditdesk.command.application;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationCommands.ApplicationAnswer;
import com.creditdesk.api.application.ApplicationCommands.DecideApplication;
import com.creditdesk.api.application.ApplicationCommands.FileCreditApplication;
import com.creditdesk.api.application.ApplicationCommands.ScreenApplication;
import com.creditdesk.api.application.ApplicationCommands.VisitReport;
import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.Rating;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.Amount;
import com.creditdesk.platform.web.validation.CurrencyCode;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.Text;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
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

/** A prospect's credit application: filed by sales, screened and decided by credit. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {
    private final CommandSender commands;

    ApplicationController(CommandSender commands) {
        this.commands = commands;
    }

    record VisitBody(@NotNull Rating premises, @NotNull Rating activity, @NotNull Rating staff,
                     @NotNull Rating paymentReputation, @Size(max = 2000) String note) {
    }

    record ApplicationBody(@Id String applicationId, @Id String customerId, @Text @Size(max = 200) String prospectName,
                           @NotNull Segment segment, @CurrencyCode String currency, @NotNull Language language,
                           @Email @Size(max = 254) String email, @Amount BigDecimal requestedLimit,
                           @Amount BigDecimal expectedMonthlyVolume, @NotNull @Min(1) @Max(365) Integer requestedTermDays,
                           @NotNull @Valid VisitBody visit) {
    }

    @Operation(summary = "File a credit application for a prospect",
            description = "**Roles:** SALES. Before the first order: what the prospect asks and what sales saw on a "
                    + "visit (recorded, never scored); the one who files it manages the account once opened.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ApplicationAnswer> file(@Valid @RequestBody ApplicationBody body, Authentication user) {
        VisitBody visit = body.visit();
        return commands.send(new FileCreditApplication(body.applicationId(), body.customerId(), body.prospectName(),
                body.segment(), body.currency(), body.language(), body.email(), body.requestedLimit(),
                body.expectedMonthlyVolume(), body.requestedTermDays(), new VisitReport(visit.premises(),
                visit.activity(), visit.staff(), visit.paymentReputation(), visit.note()), user.getName()));
    }

    record ScreeningBody(@NotNull Boolean identityChecked, @NotNull Boolean vatNumberChecked,
                         @NotNull Boolean annualAccountsRead, @NotNull Boolean insurerCoverAsked,
                         @Text @Size(max = 20) String externalRating,
                         @NotNull @Min(0) @Max(100) Integer externalScore,
                         @NotNull @DecimalMin("-1") @DecimalMax("1") @Digits(integer = 1, fraction = 4)
                         BigDecimal equityRatio,
                         @NotNull @Min(0) @Max(500) Integer yearsInBusiness) {
    }

    @Operation(summary = "Screen a credit application",
            description = "**Roles:** CREDIT. The checklist, the external rating and score (0–100), the equity ratio "
                    + "and the years in business; answers the score (scoring policy score-v1) and its risk class.")
    @PostMapping("/{applicationId}/screening")
    Mono<ApplicationAnswer> screen(@PathVariable @Id String applicationId, @Valid @RequestBody ScreeningBody body,
                                   Authentication user) {
        return commands.send(new ScreenApplication(applicationId, body.identityChecked(), body.vatNumberChecked(),
                body.annualAccountsRead(), body.insurerCoverAsked(), body.externalRating(), body.externalScore(),
                body.equityRatio(), body.yearsInBusiness(), user.getName()));
    }

    record DecisionBody(@NotNull ApplicationDecision decision,
                        @Positive @Digits(integer = 12, fraction = 2) @DecimalMax("999999999999.99") BigDecimal limit,
                        SecurityType securityRequired, @Text String note) {
    }

    @Operation(summary = "Decide on a credit application",
            description = "**Roles:** CREDIT. APPROVE or APPROVE_WITH_SECURITY (with `limit`, and `securityRequired`"
                    + " for the latter) after a complete screening, or DECLINE. A limit above "
                    + "`creditdesk.applications.single-approval-up-to` (50 000) needs a second credit controller: "
                    + "the first answers AWAITING_SECOND_APPROVAL, the same person again is a 403. Approved, the "
                    + "account is opened with the limit.")
    @PostMapping("/{applicationId}/decision")
    Mono<ApplicationAnswer> decide(@PathVariable @Id String applicationId, @Valid @RequestBody DecisionBody body,
                                   Authentication user) {
        return commands.send(new DecideApplication(applicationId, body.decision(), body.limit(),
                body.securityRequired(), body.note(), user.getName()));
    }
}
