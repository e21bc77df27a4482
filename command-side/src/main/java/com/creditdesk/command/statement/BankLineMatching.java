package com.creditdesk.command.statement;

import com.creditdesk.api.common.DomainIds;
import com.creditdesk.api.statement.MatchRule;
import com.creditdesk.api.statement.StatementCommands.BankLine;
import com.creditdesk.api.statement.StatementCommands.LineMatch;
import com.creditdesk.api.statement.StructuredCommunication;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that match a bank line to an invoice or a customer, tried in order:
 * <ol>
 *     <li>the structured communication (the creditor reference, or an OGM written in the free text) of an invoice;</li>
 *     <li>an invoice number written in the free text that is a known invoice;</li>
 *     <li>the debtor's IBAN, seen paying exactly one account before, together with an open invoice of that account of
 *     exactly the line's amount.</li>
 * </ol>
 * An invoice in another currency than the line's matches nothing. Pure: what is known comes from a {@link Directory}.
 */
public final class BankLineMatching {
    private static final int MAX_WORDS = 30;

    private BankLineMatching() {
    }

    /** An invoice and its account; {@code currency} null where it is not known. */
    public record KnownInvoice(String invoiceId, String customerId, String currency) {
    }

    /** What the system knows that the rules need. */
    public interface Directory {
        Optional<KnownInvoice> invoiceWith(StructuredCommunication ogm);

        Optional<KnownInvoice> invoice(String invoiceId);

        /** The accounts payments from this IBAN were matched or assigned to. */
        Set<String> customersPayingFrom(String iban);

        /** The account's open invoices (not disputed, not handed over) of exactly this amount. */
        List<String> openInvoicesOfAmount(String customerId, BigDecimal amount, String currency);
    }

    public static Optional<LineMatch> match(BankLine line, Directory directory) {
        Optional<StructuredCommunication> ogm = StructuredCommunication.parse(line.structuredReference())
                .or(() -> StructuredCommunication.findIn(line.remittance()));
        if (ogm.isPresent()) {
            Optional<KnownInvoice> invoice = directory.invoiceWith(ogm.get()).filter(known -> sameCurrency(known, line));
            if (invoice.isPresent()) {
                return Optional.of(new LineMatch(MatchRule.STRUCTURED_COMMUNICATION, invoice.get().customerId(),
                        invoice.get().invoiceId(), ogm.get().formatted()));
            }
        }
        for (String word : words(line.remittance())) {
            Optional<KnownInvoice> invoice = directory.invoice(word).filter(known -> sameCurrency(known, line));
            if (invoice.isPresent()) {
                return Optional.of(new LineMatch(MatchRule.INVOICE_NUMBER, invoice.get().customerId(),
                        invoice.get().invoiceId(), word));
            }
        }
        if (line.debtorIban() != null) {
            Set<String> customers = directory.customersPayingFrom(line.debtorIban());
            if (customers.size() == 1) {
                String customerId = customers.iterator().next();
                List<String> open = directory.openInvoicesOfAmount(customerId, line.amount(), line.currency());
                if (!open.isEmpty()) {
                    return Optional.of(new LineMatch(MatchRule.IBAN_AND_AMOUNT, customerId, open.get(0),
                            line.debtorIban()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean sameCurrency(KnownInvoice invoice, BankLine line) {
        return invoice.currency() == null || invoice.currency().equals(line.currency());
    }

    /** The words of the free text that could be invoice numbers: ids holding a digit, trailing dots dropped. */
    static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,;:()\\[\\]/+*]+"))
                .map(word -> word.replaceAll("\\.+$", ""))
                .filter(DomainIds::isValid).filter(word -> word.chars().anyMatch(Character::isDigit))
                .distinct().limit(MAX_WORDS).toList();
    }
}
