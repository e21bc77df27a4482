package com.creditdesk.command.invoice;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.dunning.DunningCommands.RecordCourtesyCall;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.HandoverAnswer;
import com.creditdesk.api.invoice.InvoiceCommands.InvoiceIssuance;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.command.common.CommandAccess;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.command.statement.StructuredCommunications;
import com.creditdesk.platform.web.validation.Amount;
import com.creditdesk.platform.web.validation.AmountOrZero;
import com.creditdesk.platform.web.validation.CurrencyCode;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.OptionalId;
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
import reactor.core.scheduler.Schedulers;

import java.math.BigDecimal;
import java.time.LocalDate;

@RestController
@RequestMapping("/api/accounts/{customerId}/invoices")
class InvoiceController {
    private final CommandSender commands;
    private final StructuredCommunications structuredCommunications;

    InvoiceController(CommandSender commands, StructuredCommunications structuredCommunications) {
        this.commands = commands;
        this.structuredCommunications = structuredCommunications;
    }

    record IssueInvoiceRequest(@Id String invoiceId, @OptionalId String orderId, @Amount BigDecimal amount,
                               @CurrencyCode String currency, @NotNull LocalDate issueDate, LocalDate dueDate) {
    }

    @Operation(summary = "Issue an invoice",
            description = "**Roles:** INTEGRATION. Without a due date: the issue date + the payment terms in force. "
                    + "The invoice gets a structured communication (OGM) of its own, shown on the invoice view; "
                    + "issued again, it keeps its first one.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<InvoiceIssuance> issue(@PathVariable @Id String customerId, @Valid @RequestBody IssueInvoiceRequest body,
                                Authentication user) {
        return issue(customerId, body, user.getName());
    }

    /** Over HTTP and from the message broker alike. */
    Mono<InvoiceIssuance> issue(String customerId, IssueInvoiceRequest body, String actor) {
        return Mono.fromCallable(() -> structuredCommunications.of(body.invoiceId(), body.currency()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(ogm -> commands.send(new IssueInvoice(customerId, body.invoiceId(), body.orderId(),
                        body.amount(), body.currency(), body.issueDate(), body.dueDate(), actor, ogm.digits())));
    }

    record DisputeRequest(@Text String reason) {
    }

    record DisputeOpened(String invoiceId, String status) {
    }

    @Operation(summary = "Dispute an invoice (its dunning pauses)",
            description = "**Roles:** SALES, CREDIT.")
    @PostMapping("/{invoiceId}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<DisputeOpened> dispute(@PathVariable @Id String customerId, @PathVariable @Id String invoiceId,
                                      @Valid @RequestBody DisputeRequest body, Authentication user) {
        return commands.send(new DisputeInvoice(customerId, invoiceId, body.reason(), user.getName()))
                .thenReturn(new DisputeOpened(invoiceId, "DISPUTED"));
    }

    record ResolutionRequest(@NotNull DisputeOutcome outcome, @AmountOrZero.Optional BigDecimal creditNoteAmount,
                             @Text String note) {
    }

    /** The invoice's balance after the resolution (lowered by the credit note when CREDITED). */
    record DisputeResolved(String invoiceId, DisputeOutcome outcome, BigDecimal balance) {
    }

    @Operation(summary = "Resolve a dispute: CREDITED (with a credit note) or REJECTED",
            description = "**Roles:** CREDIT.")
    @PostMapping("/{invoiceId}/disputes/resolution")
    Mono<DisputeResolved> resolve(@PathVariable @Id String customerId, @PathVariable @Id String invoiceId,
                                      @Valid @RequestBody ResolutionRequest body, Authentication user) {
        return commands.<BigDecimal>send(new ResolveDispute(customerId, invoiceId, body.outcome(),
                        body.creditNoteAmount(), body.note(), user.getName()))
                .map(balance -> new DisputeResolved(invoiceId, body.outcome(), balance));
    }

    record PromiseRequest(@NotNull LocalDate promisedOn, @Amount BigDecimal amount) {
    }

    /** Dunning of the invoice pauses until {@code pausedUntil}: the promised date + 2 days. */
    record PromiseRecorded(String invoiceId, LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil) {
    }

    @Operation(summary = "Record a payment promise (dunning pauses until the date + 2 days)",
            description = "**Roles:** SALES, CREDIT.")
    @PostMapping("/{invoiceId}/payment-promises")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<PromiseRecorded> promise(@PathVariable @Id String customerId, @PathVariable @Id String invoiceId,
                                      @Valid @RequestBody PromiseRequest body, Authentication user) {
        return commands.<LocalDate>send(new PromisePayment(customerId, invoiceId, body.promisedOn(), body.amount(),
                        user.getName()))
                .map(pausedUntil -> new PromiseRecorded(invoiceId, body.promisedOn(), body.amount(), pausedUntil));
    }

    record ApprovalRequest(@Text String agency, @Size(max = 2000) String note) {
    }

    /** The first approval answers AWAITING_SECOND_APPROVAL; the second, by the other side, HANDED_OVER. */
    @Operation(summary = "Approve the hand-over to a collection agency",
            description = "**Roles:** SALES, CREDIT. One CREDIT and one SALES approval by two different people (403 otherwise); handed over puts the account on hold.")
    @PostMapping("/{invoiceId}/collection-handover/approvals")
    Mono<HandoverAnswer> approveHandover(@PathVariable @Id String customerId, @PathVariable @Id String invoiceId,
                                         @Valid @RequestBody ApprovalRequest body, Authentication user) {
        return commands.send(new ApproveCollectionHandover(customerId, invoiceId, body.agency(), body.note(),
                user.getName(), CommandAccess.rolesOf(user)));
    }

    record CourtesyCallRequest(@Text String note) {
    }

    record CourtesyCallRecorded(String invoiceId, String note) {
    }

    @Operation(summary = "Record the courtesy call made before the invoice falls due",
            description = "**Roles:** SALES. The call leaves the account manager's worklist; recording it again "
                    + "changes nothing. 409 NO_COURTESY_CALL when none was planned for the invoice.")
    @PostMapping("/{invoiceId}/courtesy-call")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<CourtesyCallRecorded> recordCourtesyCall(@PathVariable @Id String customerId,
                                                  @PathVariable @Id String invoiceId,
                                                  @Valid @RequestBody CourtesyCallRequest body, Authentication user) {
        return commands.send(new RecordCourtesyCall(customerId, invoiceId, body.note(), user.getName()))
                .thenReturn(new CourtesyCallRecorded(invoiceId, body.note()));
    }
}
