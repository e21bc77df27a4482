package com.creditdesk.command.statement;

import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.statement.StatementCommands.AssignBankLine;
import com.creditdesk.api.statement.StatementCommands.AssignmentAnswer;
import com.creditdesk.api.statement.StatementCommands.BankLine;
import com.creditdesk.api.statement.StatementCommands.DescribeBankLine;
import com.creditdesk.api.statement.StatementCommands.ImportAnswer;
import com.creditdesk.api.statement.StatementCommands.ImportBankStatement;
import com.creditdesk.api.statement.StatementCommands.LineMatch;
import com.creditdesk.api.statement.StatementCommands.LineState;
import com.creditdesk.api.statement.StructuredCommunication;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.statement.BankLineMatching.KnownInvoice;
import com.creditdesk.command.statement.BankStatement.Imported;
import com.creditdesk.command.statement.BankStatement.Payment;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A statement's way in: read (Prowide), each credit line matched ({@link BankLineMatching}; an IBAN a line of the
 * same file was matched from counts for the lines after it), recorded by the statement, then every matched line
 * registered as a payment on its account. The payment ids follow from the statement and the line, so a file imported
 * again (or after a crash half-way) pays what was not paid yet and nothing twice. Blocking: runs off the event loop.
 */
@Component
class BankStatementImport {
    private final CommandSender commands;
    private final PaymentDirectory directory;

    BankStatementImport(CommandSender commands, PaymentDirectory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    ImportAnswer importStatement(String xml, String actor) {
        CamtStatements.Statement statement = CamtStatements.read(xml);
        LearningDirectory learning = new LearningDirectory(directory);
        List<BankLine> lines = new ArrayList<>();
        for (BankLine line : statement.lines()) {
            Optional<LineMatch> match = BankLineMatching.match(line, learning);
            match.ifPresent(found -> learning.learn(line.debtorIban(), found.customerId()));
            lines.add(new BankLine(line.lineId(), line.amount(), line.currency(), line.bookedOn(), line.debtorName(),
                    line.debtorIban(), line.remittance(), line.structuredReference(), match.orElse(null)));
        }
        Imported imported = commands.<Imported>send(new ImportBankStatement(statement.statementId(),
                statement.accountIban(), statement.createdOn(), lines, actor)).block();
        for (Payment payment : imported.matched()) {
            pay(payment, actor);
        }
        return new ImportAnswer(imported.statementId(), imported.lines(), imported.matched().size(),
                imported.awaitingAssignment(), imported.alreadyImported());
    }

    AssignmentAnswer assign(String statementId, String lineId, String customerId, String invoiceId, String actor) {
        LineState line = commands.<LineState>send(new DescribeBankLine(statementId, lineId)).block();
        if (line.customerId() == null || line.assigned()) {
            // paid first: a refused payment (unknown account or invoice, other currency) leaves the line waiting
            commands.send(new RegisterPayment(customerId, com.creditdesk.api.statement.StatementCommands
                    .paymentId(statementId, lineId), line.amount(), line.currency(), line.bookedOn(), invoiceId,
                    actor)).block();
        }
        Payment payment = commands.<Payment>send(new AssignBankLine(statementId, lineId, customerId, invoiceId, actor))
                .block();
        directory.learn(payment.debtorIban(), customerId);
        return new AssignmentAnswer(statementId, lineId, customerId, invoiceId, payment.paymentId());
    }

    /**
     * The line's payment with its invoice; an invoice the account refuses it for (a rule, or gone) leaves the payment
     * to settle the account's oldest open invoices instead.
     */
    private void pay(Payment payment, String actor) {
        try {
            commands.send(new RegisterPayment(payment.customerId(), payment.paymentId(), payment.amount(),
                    payment.currency(), payment.bookedOn(), payment.invoiceId(), actor)).block();
        } catch (Refusal.Violated | Refusal.NotFound refused) {
            if (payment.invoiceId() == null) {
                throw refused;
            }
            commands.send(new RegisterPayment(payment.customerId(), payment.paymentId(), payment.amount(),
                    payment.currency(), payment.bookedOn(), null, actor)).block();
        }
        directory.learn(payment.debtorIban(), payment.customerId());
    }

    /** The directory, with the IBANs matched earlier in the same file. */
    private record LearningDirectory(PaymentDirectory stored, Map<String, String> learned)
            implements BankLineMatching.Directory {
        LearningDirectory(PaymentDirectory stored) {
            this(stored, new HashMap<>());
        }

        void learn(String iban, String customerId) {
            if (iban != null) {
                learned.putIfAbsent(PaymentDirectory.normalized(iban), customerId);
            }
        }

        @Override
        public Optional<KnownInvoice> invoiceWith(StructuredCommunication ogm) {
            return stored.invoiceWith(ogm);
        }

        @Override
        public Optional<KnownInvoice> invoice(String invoiceId) {
            return stored.invoice(invoiceId);
        }

        @Override
        public Set<String> customersPayingFrom(String iban) {
            Set<String> known = stored.customersPayingFrom(iban);
            String now = learned.get(PaymentDirectory.normalized(iban));
            if (now == null || known.contains(now)) {
                return known;
            }
            Set<String> all = new java.util.LinkedHashSet<>(known);
            all.add(now);
            return all;
        }

        @Override
        public List<String> openInvoicesOfAmount(String customerId, BigDecimal amount, String currency) {
            return stored.openInvoicesOfAmount(customerId, amount, currency);
        }
    }
}
