package com.creditdesk.command.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice as the account needs it for exposure, allocation and the overdue rule. */
record OpenInvoice(String invoiceId, String orderId, BigDecimal amount, String currency, LocalDate issueDate,
                   LocalDate dueDate, boolean dueDateGiven, BigDecimal balance) {

    OpenInvoice withBalance(BigDecimal newBalance) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, newBalance);
    }

    /** Disputes and valid promises pause an invoice for the overdue rule (added with disputes and promises). */
    boolean paused(LocalDate today) {
        return false;
    }
}
