package com.creditdesk.command.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the account needs it for exposure, allocation, the overdue rule and its follow-up:
 * an open dispute, a payment promise, and the approvals of a collection hand-over.
 */
record OpenInvoice(String invoiceId, String orderId, BigDecimal amount, String currency, LocalDate issueDate,
                   LocalDate dueDate, boolean dueDateGiven, BigDecimal balance, boolean disputed,
                   Promise promise, List<Approval> handoverApprovals, boolean handedOver) {

    /** A promise to pay {@code amount} by {@code promisedOn}; {@code paid} counts what came in since. */
    record Promise(LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, BigDecimal paid) {
        boolean validOn(LocalDate day) {
            return !day.isAfter(pausedUntil);
        }
    }

    /** One hand-over approval: who gave it, in which role. */
    record Approval(String actor, String role) {
    }

    OpenInvoice {
        handoverApprovals = handoverApprovals == null ? List.of() : List.copyOf(handoverApprovals);
    }

    static OpenInvoice issued(String invoiceId, String orderId, BigDecimal amount, String currency,
                              LocalDate issueDate, LocalDate dueDate, boolean dueDateGiven) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, amount,
                false, null, List.of(), false);
    }

    boolean open() {
        return balance.signum() > 0;
    }

    OpenInvoice withBalance(BigDecimal newBalance) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, newBalance,
                disputed, promise, handoverApprovals, handedOver);
    }

    OpenInvoice withDisputed(boolean nowDisputed) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                nowDisputed, promise, handoverApprovals, handedOver);
    }

    OpenInvoice withPromise(Promise newPromise) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, newPromise, handoverApprovals, handedOver);
    }

    OpenInvoice withApproval(Approval approval) {
        List<Approval> approvals = new java.util.ArrayList<>(handoverApprovals);
        approvals.add(approval);
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, promise, approvals, handedOver);
    }

    OpenInvoice handedOverNow() {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, promise, handoverApprovals, true);
    }

    /** Disputes and valid promises pause an invoice: for dunning and for the overdue rule. */
    boolean paused(LocalDate today) {
        return disputed || promise != null && promise.validOn(today);
    }
}
