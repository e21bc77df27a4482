package com.creditdesk.api.statement;

import com.creditdesk.api.statement.StatementCommands.BankLine;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class StatementEvents {
    private StatementEvents() {
    }

    /** The family of a bank statement's events: sealed, so the compiler and the tests know every member. */
    public sealed interface StatementEvent {
        String statementId();
    }

    /** The statement's credit lines as the bank reported them, each with the match the import found (or none). */
    @Revision("1")
    public record BankStatementImported(String statementId, String accountIban, LocalDate createdOn,
                                        List<BankLine> lines, String actor) implements StatementEvent {
        public BankStatementImported {
            lines = List.copyOf(lines);
        }
    }

    /** A line matched by a rule: it becomes payment {@code paymentId} on the customer's account. */
    @Revision("1")
    public record BankLineMatched(String statementId, String lineId, String customerId, String invoiceId,
                                  MatchRule rule, String evidence, BigDecimal amount, String currency,
                                  LocalDate bookedOn, String paymentId) implements StatementEvent {
    }

    /** A line no rule matched: it waits in finance's queue until credit assigns it. */
    @Revision("1")
    public record BankLineAwaitingAssignment(String statementId, String lineId, BigDecimal amount, String currency,
                                             LocalDate bookedOn, String debtorName, String debtorIban,
                                             String remittance) implements StatementEvent {
    }

    /** Credit named the line's customer (and invoice): it becomes payment {@code paymentId}. */
    @Revision("1")
    public record BankLineAssigned(String statementId, String lineId, String customerId, String invoiceId,
                                   BigDecimal amount, String currency, LocalDate bookedOn, String debtorIban,
                                   String paymentId, String actor) implements StatementEvent {
    }
}
