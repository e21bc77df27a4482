package com.creditdesk.command.dunning;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.dunning.DunningStep;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The port the account writes its reminders through: the words of a step's letter, from its facts. */
public interface ReminderLetters {

    /** What a letter is about; {@code to} is the customer's e-mail address, if known. */
    /** {@code structuredCommunication}: the invoice's payment reference (12 digits), null for older invoices. */
    record Letter(Segment segment, Language language, String customerName, String to, String invoiceId,
                  BigDecimal balance, String currency, LocalDate dueDate, long daysPastDue,
                  String structuredCommunication) {
        public Letter(Segment segment, Language language, String customerName, String to, String invoiceId,
                      BigDecimal balance, String currency, LocalDate dueDate, long daysPastDue) {
            this(segment, language, customerName, to, invoiceId, balance, currency, dueDate, daysPastDue, null);
        }
    }

    Message render(DunningStep step, Letter letter);

    /** The letter telling the debtor that the invoice went to {@code agency}. */
    Message handoverNotice(Letter letter, String agency);
}
