package com.creditdesk.command.signal;

import com.creditdesk.api.account.RiskClass;
import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import com.creditdesk.api.signal.SignalCommands.SignalReport;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.AmountOrZero;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Sales as the eyes and ears of credit management: signals in, reviews concluded by credit. */
@RestController
@RequestMapping("/api/accounts/{customerId}")
class SignalController {
    private final CommandSender commands;

    SignalController(CommandSender commands) {
        this.commands = commands;
    }

    record SignalBody(@Id String signalId, @NotNull SignalCategory category, @NotNull Severity severity,
                      @Text String note, @NotNull LocalDate observedOn) {
    }

    @Operation(summary = "Report a sales signal",
            description = "**Roles:** SALES. A HIGH negative signal, or a second MEDIUM negative one within 90 days, opens a credit review.")
    @PostMapping("/sales-signals")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SignalReport> report(@PathVariable @Id String customerId, @Valid @RequestBody SignalBody body,
                              Authentication user) {
        return commands.send(new ReportSalesSignal(customerId, body.signalId(), body.category(), body.severity(),
                body.note(), body.observedOn(), user.getName()));
    }

    record ConclusionBody(@NotNull ReviewOutcome outcome, @Text String note, @AmountOrZero.Optional BigDecimal newLimit) {
    }

    record ReviewConcluded(String customerId, ReviewOutcome outcome) {
    }

    @Operation(summary = "Conclude the open credit review",
            description = "**Roles:** CREDIT.")
    @PostMapping("/reviews/current/conclusion")
    Mono<ReviewConcluded> conclude(@PathVariable @Id String customerId, @Valid @RequestBody ConclusionBody body,
                                       Authentication user) {
        return commands.send(new ConcludeReview(customerId, body.outcome(), body.note(), body.newLimit(),
                user.getName())).thenReturn(new ReviewConcluded(customerId, body.outcome()));
    }

    record RiskClassBody(@NotNull RiskClass riskClass, @Text String reason) {
    }

    record RiskClassAnswer(String customerId, RiskClass riskClass) {
    }

    @Operation(summary = "Set the account's risk class",
            description = "**Roles:** CREDIT. With a reason; the class sets the review cycle (HIGH monthly, MEDIUM "
                    + "quarterly, LOW yearly: `creditdesk.reviews.*`): the next periodic review is planned one cycle "
                    + "later and opens on its day.")
    @PutMapping("/risk-class")
    Mono<RiskClassAnswer> setRiskClass(@PathVariable @Id String customerId, @Valid @RequestBody RiskClassBody body,
                                       Authentication user) {
        return commands.send(new SetRiskClass(customerId, body.riskClass(), body.reason(), user.getName()))
                .thenReturn(new RiskClassAnswer(customerId, body.riskClass()));
    }
}
