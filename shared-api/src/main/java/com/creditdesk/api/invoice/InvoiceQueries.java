package com.creditdesk.api.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.creditdesk.api.dunning.CourtesyReason;

public final class InvoiceQueries {
    private InvoiceQueries() {
    }

    public record FindInvoice(String invoiceId) {
    }

    /**
     * The contract's invoice view; {@code dunningStep} is the last step reached (null before the first),
     * {@code courtesyCall} the call before the due date, once due (null when the customer needed none).
     * {@code structuredCommunication} the OGM to pay it with, {@code +++123/4567/89012+++} (null for invoices issued
     * before OGMs were given).
     */
    public record InvoiceView(String invoiceId, String customerId, String orderId, BigDecimal amount, BigDecimal balance,
                              LocalDate issueDate, LocalDate dueDate, long daysPastDue, boolean disputed,
                              PromiseView promise, String dunningStep, boolean handedOver,
                              CourtesyCallView courtesyCall, String structuredCommunication) {
    }

    /** A courtesy call: DUE since {@code dueOn}, or MADE by {@code madeBy} with its note; why the customer gets one. */
    public record CourtesyCallView(String status, LocalDate dueOn, List<CourtesyReason> reasons, String note,
                                   String madeBy) {
    }

    /** A payment promise and where it stands: OPEN until {@code pausedUntil}, then KEPT or BROKEN. */
    public record PromiseView(LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, String status) {
    }
}
