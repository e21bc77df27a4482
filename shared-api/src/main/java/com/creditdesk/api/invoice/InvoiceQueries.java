package com.creditdesk.api.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

public final class InvoiceQueries {
    private InvoiceQueries() {
    }

    public record FindInvoice(String invoiceId) {
    }

    /** The contract's invoice view; dispute, promise, dunning and hand-over come with the dunning flow. */
    public record InvoiceView(String invoiceId, String customerId, String orderId, BigDecimal amount, BigDecimal balance,
                              LocalDate issueDate, LocalDate dueDate, long daysPastDue, boolean disputed,
                              Object promise, String dunningStep, boolean handedOver) {
    }
}
