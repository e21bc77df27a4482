package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StatementCommands;
import com.creditdesk.api.statement.StatementCommands.AssignBankLine;
import com.creditdesk.api.statement.StatementCommands.BankLine;
import com.creditdesk.api.statement.StatementCommands.DescribeBankLine;
import com.creditdesk.api.statement.StatementCommands.ImportBankStatement;
import com.creditdesk.api.statement.StatementCommands.LineState;
import com.creditdesk.api.statement.StatementEvents.BankLineAssigned;
import com.creditdesk.api.statement.StatementEvents.BankLineAwaitingAssignment;
import com.creditdesk.api.statement.StatementEvents.BankLineMatched;
import com.creditdesk.api.statement.StatementEvents.BankStatementImported;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.creditdesk.api.common.Amounts.same;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A bank statement (CAMT.053) as imported: its credit lines, each matched by a rule when imported (and so paid) or
 * waiting for credit to name the customer. Imported again, it records nothing; each line is paid once.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class BankStatement {
    @AggregateIdentifier
    private String id;
    private String statementId;
    private Map<String, Line> lines = new LinkedHashMap<>();

    /** A line and who it was paid for (customer null while it waits). */
    record Line(String lineId, BigDecimal amount, String currency, LocalDate bookedOn, String debtorIban,
                String customerId, String invoiceId, String paymentId, boolean assigned) {
    }

    /** A line to pay: matched at the import or assigned by credit. */
    public record Payment(String lineId, String customerId, String invoiceId, String paymentId, BigDecimal amount,
                          String currency, LocalDate bookedOn, String debtorIban) {
    }

    /** The import's outcome: the lines to pay (all matched ones, also when imported before). */
    public record Imported(String statementId, int lines, List<Payment> matched, int awaitingAssignment,
                           boolean alreadyImported) {
    }

    protected BankStatement() {
        // for Axon and Jackson
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Imported handle(ImportBankStatement cmd) {
        if (statementId != null) {
            if (!sameLines(cmd.lines())) {
                throw Refusal.idConflict("bank statement", cmd.statementId());
            }
            return imported(true);
        }
        apply(new BankStatementImported(cmd.statementId(), cmd.accountIban(), cmd.createdOn(), cmd.lines(),
                cmd.actor()));
        for (BankLine line : cmd.lines()) {
            if (line.match() != null) {
                apply(new BankLineMatched(cmd.statementId(), line.lineId(), line.match().customerId(),
                        line.match().invoiceId(), line.match().rule(), line.match().evidence(), line.amount(),
                        line.currency(), line.bookedOn(),
                        StatementCommands.paymentId(cmd.statementId(), line.lineId())));
            } else {
                apply(new BankLineAwaitingAssignment(cmd.statementId(), line.lineId(), line.amount(), line.currency(),
                        line.bookedOn(), line.debtorName(), line.debtorIban(), line.remittance()));
            }
        }
        return imported(false);
    }

    /** The same lines (ids, amounts, currencies, days): the bank's file again, whatever the matching finds now. */
    private boolean sameLines(List<BankLine> other) {
        if (other.size() != lines.size()) {
            return false;
        }
        return other.stream().allMatch(line -> {
            Line known = lines.get(line.lineId());
            return known != null && same(known.amount(), line.amount()) && known.currency().equals(line.currency())
                    && known.bookedOn().equals(line.bookedOn());
        });
    }

    @CommandHandler
    public LineState handle(DescribeBankLine cmd) {
        Line line = line(cmd.lineId());
        return new LineState(statementId, line.lineId(), line.amount(), line.currency(), line.bookedOn(),
                line.customerId(), line.invoiceId(), line.assigned());
    }

    /** A line waiting (or assigned to the same customer and invoice before, which records nothing). */
    @CommandHandler
    public Payment handle(AssignBankLine cmd) {
        Line line = line(cmd.lineId());
        if (line.customerId() != null && !line.assigned()) {
            throw Refusal.violated(Rule.BANK_LINE_MATCHED, "line " + cmd.lineId() + " of statement " + statementId
                    + " was matched to " + line.customerId() + " when imported");
        }
        if (line.assigned()) {
            if (!line.customerId().equals(cmd.customerId()) || !Objects.equals(line.invoiceId(), cmd.invoiceId())) {
                throw Refusal.violated(Rule.BANK_LINE_ASSIGNED, "line " + cmd.lineId() + " of statement "
                        + statementId + " is assigned to " + line.customerId() + " already");
            }
            return payment(line);
        }
        apply(new BankLineAssigned(statementId, line.lineId(), cmd.customerId(), cmd.invoiceId(), line.amount(),
                line.currency(), line.bookedOn(), line.debtorIban(),
                StatementCommands.paymentId(statementId, line.lineId()), cmd.actor()));
        return payment(lines.get(cmd.lineId()));
    }

    private Line line(String lineId) {
        Line line = lines.get(lineId);
        if (line == null) {
            throw Refusal.notFound("bank line", statementId + "/" + lineId);
        }
        return line;
    }

    private Imported imported(boolean before) {
        List<Payment> matched = new ArrayList<>();
        int waiting = 0;
        for (Line line : lines.values()) {
            if (line.customerId() == null) {
                waiting++;
            } else if (!line.assigned()) {
                matched.add(payment(line));
            }
        }
        return new Imported(statementId, lines.size(), matched, waiting, before);
    }

    private static Payment payment(Line line) {
        return new Payment(line.lineId(), line.customerId(), line.invoiceId(), line.paymentId(), line.amount(),
                line.currency(), line.bookedOn(), line.debtorIban());
    }

    @EventSourcingHandler
    void on(BankStatementImported event) {
        id = StatementCommands.aggregateId(event.statementId());
        statementId = event.statementId();
        for (BankLine line : event.lines()) {
            lines.put(line.lineId(), new Line(line.lineId(), line.amount(), line.currency(), line.bookedOn(),
                    line.debtorIban(), null, null, null, false));
        }
    }

    @EventSourcingHandler
    void on(BankLineMatched event) {
        Line line = lines.get(event.lineId());
        lines.put(event.lineId(), new Line(line.lineId(), line.amount(), line.currency(), line.bookedOn(),
                line.debtorIban(), event.customerId(), event.invoiceId(), event.paymentId(), false));
    }

    @EventSourcingHandler
    void on(BankLineAssigned event) {
        Line line = lines.get(event.lineId());
        lines.put(event.lineId(), new Line(line.lineId(), line.amount(), line.currency(), line.bookedOn(),
                line.debtorIban(), event.customerId(), event.invoiceId(), event.paymentId(), true));
    }
}
