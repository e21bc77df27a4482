package com.creditdesk.api.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

public final class InvoiceQueries {
    private InvoiceQueries() {
    }

    public record FindInvoice(String invoiceId) {
    }

    /** The contract's invoice view; {@code dunningStep} is the last step reached (null before the first). */
    public record InvoiceView(String invoiceId, String customerId, String orderId, BigDecimal amount, BigDecimal balance,
                              LocalDate issueDate, LocalDate dueDate, long daysPastDue, boolean disputed,
                              PromiseView promise, String dunningStep, boolean handedOver) {
    }

    /** A payment promise and where it stands: OPEN until {@code pausedUntil}, then KEPT or BROKEN. */
    public record PromiseView(LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, String status) {
    }
}
