package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StatementCommands.AssignmentAnswer;
import com.creditdesk.api.statement.StatementCommands.ImportAnswer;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.OptionalId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/** Bank statements in (CAMT.053): matched lines become payments, the others wait for credit. */
@RestController
@RequestMapping("/api/bank-statements")
class BankStatementController {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BankStatementImport statements;

    BankStatementController(BankStatementImport statements) {
        this.statements = statements;
    }

    @Operation(summary = "Import a bank statement (CAMT.053.001.02)",
            description = "**Roles:** INTEGRATION, CREDIT. The body is the bank's CAMT.053.001.02 file (one Stmt). "
                    + "Each credit entry is matched by the invoice's structured communication (RmtInf/Strd/CdtrRefInf/"
                    + "Ref, or an OGM in Ustrd), else by an invoice number in Ustrd, else by the debtor's IBAN (seen "
                    + "paying one account before) with an open invoice of exactly its amount; a matched line becomes "
                    + "a payment on its account, the others wait in the finance view (`unmatchedBankLines`). "
                    + "The same file again records nothing new (`alreadyImported`).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_XML_VALUE, schema = @Schema(type = "string",
                    description = "a CAMT.053.001.02 document"))))
    @PostMapping(consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
    Mono<ImportAnswer> importStatement(@RequestBody String xml, Authentication user) {
        return Mono.fromCallable(() -> statements.importStatement(xml, user.getName()))
                .subscribeOn(Schedulers.boundedElastic()).timeout(TIMEOUT);
    }

    record AssignmentBody(@Id String customerId, @OptionalId String invoiceId) {
    }

    @Operation(summary = "Assign a bank line no rule matched",
            description = "**Roles:** CREDIT. Names the customer (and the invoice, if any) the line paid: it "
                    + "becomes a payment on that account and leaves the finance view's queue. Sent again with the "
                    + "same customer and invoice, it records nothing.")
    @PostMapping("/{statementId}/lines/{lineId}/assignment")
    Mono<AssignmentAnswer> assign(@PathVariable @Id String statementId, @PathVariable @Id String lineId,
                                  @Valid @RequestBody AssignmentBody body, Authentication user) {
        return Mono.fromCallable(() -> statements.assign(statementId, lineId, body.customerId(), body.invoiceId(),
                        user.getName()))
                .subscribeOn(Schedulers.boundedElastic()).timeout(TIMEOUT);
    }
}
