package com.creditdesk.api.statement;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Commands on a bank statement (CAMT.053). A statement is its own aggregate: its identifier in the store is
 * {@link #aggregateId(String)}, apart from the accounts' customer ids.
 */
public final class StatementCommands {
    private StatementCommands() {
    }

    public static String aggregateId(String statementId) {
        return "statement:" + statementId;
    }

    /** The payment a statement's line becomes: one id per statement and line, so an import again pays nothing twice. */
    public static String paymentId(String statementId, String lineId) {
        String id = "BS-" + statementId + "-" + lineId;
        return id.length() <= 64 ? id : "BS-" + Integer.toHexString(id.hashCode()) + "-"
                + id.substring(id.length() - 50);
    }

    /**
     * How a line was matched, with the customer and (if found) the invoice: by the structured communication, by an
     * invoice number in the free text, or by the debtor's IBAN with an open invoice of exactly the line's amount.
     */
    public record LineMatch(MatchRule rule, String customerId, String invoiceId, String evidence) {
    }

    /** A credit entry of the statement, as the bank reported it, with the match found for it (null: none). */
    public record BankLine(String lineId, BigDecimal amount, String currency, LocalDate bookedOn, String debtorName,
                           String debtorIban, String remittance, String structuredReference, LineMatch match) {
    }

    /** The statement's credit lines, each matched or not, as the import found them. */
    public record ImportBankStatement(String statementId, String accountIban, LocalDate createdOn,
                                      List<BankLine> lines, String actor) {
        public ImportBankStatement {
            lines = List.copyOf(lines);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return StatementCommands.aggregateId(statementId);
        }
    }

    /** Credit names the customer (and the invoice, if any) of a line the import could not match. */
    public record AssignBankLine(String statementId, String lineId, String customerId, String invoiceId,
                                 String actor) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return StatementCommands.aggregateId(statementId);
        }
    }

    /** Asks the statement for a line, recording nothing: what a payment from it would be. */
    public record DescribeBankLine(String statementId, String lineId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return StatementCommands.aggregateId(statementId);
        }
    }

    /** Where a line stands: {@code customerId} set once matched or assigned. */
    public record LineState(String statementId, String lineId, BigDecimal amount, String currency, LocalDate bookedOn,
                            String customerId, String invoiceId, boolean assigned) {
    }

    public record ImportAnswer(String statementId, int lines, int matched, int awaitingAssignment,
                               boolean alreadyImported) {
    }

    public record AssignmentAnswer(String statementId, String lineId, String customerId, String invoiceId,
                                   String paymentId) {
    }

    /** Asks an account for its open invoices of exactly {@code amount}, recording nothing (the IBAN rule). */
    public record FindOpenInvoicesOfAmount(@TargetAggregateIdentifier String customerId, BigDecimal amount,
                                           String currency) {
    }
}
