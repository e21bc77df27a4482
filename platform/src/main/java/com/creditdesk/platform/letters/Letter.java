package com.creditdesk.platform.letters;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.invoice.InvoiceEvents.HandoverNotice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * A letter on paper to a debtor: the formal notice (its text as dunning rendered it for the customer's segment and
 * language) or the hand-over letter (its text from the letters' templates), with the invoices it is about.
 */
public record Letter(Kind kind, Language language, LocalDate date, String customerId, String customerName,
                     String to, String subject, String body, List<InvoiceLine> invoices,
                     String structuredCommunication, String agency) {

    public enum Kind { FORMAL_NOTICE, HANDOVER }

    public record InvoiceLine(String invoiceId, LocalDate dueDate, BigDecimal balance, String currency,
                              long daysPastDue) {
    }

    public Letter {
        invoices = List.copyOf(invoices);
        language = language == null ? Language.en : language;
    }

    /**
     * The formal notice as dunning recorded it on {@code day}: its text, the invoice with the balance and days past
     * due of that day, and its payment reference.
     */
    public static Letter formalNotice(DunningStepReached step, LocalDate day) {
        Message message = step.message();
        return new Letter(Kind.FORMAL_NOTICE, message.language(), day, step.customerId(), null, message.to(),
                message.subject(), message.body(), List.of(new InvoiceLine(step.invoiceId(),
                day.minusDays(step.daysPastDue()), step.balance(), step.currency(), step.daysPastDue())),
                message.structuredCommunication(), null);
    }

    /** The hand-over letter as the account wrote it on {@code day} (events with their {@code notice}). */
    public static Letter handover(InvoiceHandedOver handedOver, LocalDate day) {
        HandoverNotice notice = handedOver.notice();
        Message message = notice.message();
        return new Letter(Kind.HANDOVER, message.language(), day, handedOver.customerId(), notice.customerName(),
                message.to(), message.subject(), message.body(), List.of(new InvoiceLine(handedOver.invoiceId(),
                notice.dueDate(), notice.balance(), notice.currency(), notice.daysPastDue())),
                message.structuredCommunication(), handedOver.agency());
    }

    /**
     * The letter telling the debtor that the invoice was handed over to the agency on {@code day}, for hand-overs
     * recorded before their notice was kept: its words from the templates, the invoice as it stands now.
     */
    public static Letter handover(InvoiceHandedOver handedOver, LocalDate day, String customerName,
                                  Language language, InvoiceLine invoice, String structuredCommunication) {
        Message words = handoverWords(language, null, customerName, invoice, handedOver.agency());
        return new Letter(Kind.HANDOVER, language, day, handedOver.customerId(), customerName, null,
                words.subject(), words.body(), List.of(invoice), structuredCommunication, handedOver.agency());
    }

    /** The words of the hand-over letter (on paper and in the e-mail), without the payment reference. */
    public static Message handoverWords(Language language, String to, String customerName, InvoiceLine invoice,
                                        String agency) {
        LetterTexts texts = LetterTexts.of(language);
        return new Message(language, to, texts.text("HANDOVER.subject", invoice.invoiceId()),
                texts.text("HANDOVER.body", customerName, invoice.invoiceId(), amount(invoice.balance()),
                        invoice.currency(), invoice.dueDate().toString(), agency));
    }

    /** An amount as letters print it, on paper and in the e-mail: always two decimals. */
    public static String amount(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** The document's id: one letter of each kind per invoice. */
    public static String id(String invoiceId, Kind kind) {
        return invoiceId + "-" + kind.name();
    }
}
