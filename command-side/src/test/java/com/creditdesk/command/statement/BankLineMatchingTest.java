package com.creditdesk.command.statement;

import com.creditdesk.api.statement.MatchRule;
import com.creditdesk.api.statement.StatementCommands.BankLine;
import com.creditdesk.api.statement.StatementCommands.LineMatch;
import com.creditdesk.api.statement.StructuredCommunication;
import com.creditdesk.command.statement.BankLineMatching.KnownInvoice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rules, in order, against a directory held in maps. */
class BankLineMatchingTest {
    private static final StructuredCommunication OGM = StructuredCommunication.of(1L);
    private static final Map<String, KnownInvoice> INVOICES = Map.of(
            "INV-1", new KnownInvoice("INV-1", "C-1", "EUR"),
            "2026-0042", new KnownInvoice("2026-0042", "C-2", "EUR"),
            "INV-USD", new KnownInvoice("INV-USD", "C-3", "USD"));
    private static final BankLineMatching.Directory DIRECTORY = new BankLineMatching.Directory() {
        @Override
        public Optional<KnownInvoice> invoiceWith(StructuredCommunication ogm) {
            return ogm.equals(OGM) ? Optional.of(INVOICES.get("INV-1")) : Optional.empty();
        }

        @Override
        public Optional<KnownInvoice> invoice(String invoiceId) {
            return Optional.ofNullable(INVOICES.get(invoiceId));
        }

        @Override
        public Set<String> customersPayingFrom(String iban) {
            return switch (iban) {
                case "BE68539007547034" -> Set.of("C-4");
                case "BE71096123456769" -> Set.of("C-4", "C-5");
                default -> Set.of();
            };
        }

        @Override
        public List<String> openInvoicesOfAmount(String customerId, BigDecimal amount, String currency) {
            return customerId.equals("C-4") && amount.compareTo(new BigDecimal("500")) == 0 && currency.equals("EUR")
                    ? List.of("INV-4") : List.of();
        }
    };

    private static BankLine line(String amount, String currency, String iban, String remittance, String reference) {
        return new BankLine("E1", new BigDecimal(amount), currency, LocalDate.of(2026, 3, 2), "Debtor", iban,
                remittance, reference, null);
    }

    private static Optional<LineMatch> match(BankLine line) {
        return BankLineMatching.match(line, DIRECTORY);
    }

    @Test
    void theCreditorReferenceMatchesTheInvoiceItWasGivenTo() {
        assertThat(match(line("10", "EUR", null, null, "000000000101")))
                .contains(new LineMatch(MatchRule.STRUCTURED_COMMUNICATION, "C-1", "INV-1", "+++000/0000/00101+++"));
    }

    @Test
    void anOgmInTheFreeTextMatchesToo() {
        assertThat(match(line("10", "EUR", null, "betaling +++000/0000/00101+++", null)))
                .map(LineMatch::rule).contains(MatchRule.STRUCTURED_COMMUNICATION);
    }

    @Test
    void anInvoiceNumberInTheFreeTextMatchesWhenNoOgmDoes() {
        assertThat(match(line("10", "EUR", null, "Factuur 2026-0042, dank u.", "000000000202")))
                .contains(new LineMatch(MatchRule.INVOICE_NUMBER, "C-2", "2026-0042", "2026-0042"));
    }

    @Test
    void anInvoiceInAnotherCurrencyMatchesNothing() {
        assertThat(match(line("10", "EUR", null, "INV-USD", null))).isEmpty();
    }

    @Test
    void anIbanPayingOneAccountMatchesItsOpenInvoiceOfExactlyTheAmount() {
        assertThat(match(line("500.00", "EUR", "BE68539007547034", "march", null)))
                .contains(new LineMatch(MatchRule.IBAN_AND_AMOUNT, "C-4", "INV-4", "BE68539007547034"));
        assertThat(match(line("499.99", "EUR", "BE68539007547034", "march", null))).isEmpty();
    }

    @Test
    void anIbanPayingSeveralAccountsOrNoneMatchesNothing() {
        assertThat(match(line("500", "EUR", "BE71096123456769", null, null))).isEmpty();
        assertThat(match(line("500", "EUR", "NL91ABNA0417164300", null, null))).isEmpty();
    }

    @Test
    void wordsWithoutDigitsAreNoInvoiceNumbers() {
        assertThat(BankLineMatching.words("Factuur INV-1. voor maart (2026-0042)")).containsExactly("INV-1",
                "2026-0042");
    }
}
