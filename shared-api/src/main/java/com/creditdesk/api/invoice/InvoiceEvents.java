package com.creditdesk.api.invoice;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

public final class InvoiceEvents {
    private InvoiceEvents() {
    }

    /**
     * An invoice; when it names an order that order leaves open exposure and the invoice balance
     * takes its place. {@code termDays} is the term that set the due date when none was given.
     */
    @Revision("1")
    public record InvoiceIssued(String customerId, String invoiceId, String orderId, BigDecimal amount,
                                String currency, LocalDate issueDate, LocalDate dueDate, Integer termDays,
                                String actor) {
    }
}
