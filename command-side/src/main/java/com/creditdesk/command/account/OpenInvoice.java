package com.creditdesk.command.account;

import com.creditdesk.api.dunning.DunningStep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as the account needs it for exposure, allocation, the overdue rule and its follow-up:
 * an open dispute, a payment promise, and the approvals of a collection hand-over.
 */
record OpenInvoice(String invoiceId, String orderId, BigDecimal amount, String currency, LocalDate issueDate,
                   LocalDate dueDate, boolean dueDateGiven, BigDecimal balance, boolean disputed,
                   Promise promise, List<Approval> handoverApprovals, boolean handedOver, Dunning dunning) {

    /** A promise to pay {@code amount} by {@code promisedOn}; {@code paid} counts what came in since. */
    record Promise(LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, BigDecimal paid) {
        boolean validOn(LocalDate day) {
            return !day.isAfter(pausedUntil);
        }
    }

    /** One hand-over approval: who gave it, in which role. */
    record Approval(String actor, String role) {
    }

    /**
     * Where dunning of the invoice stands: the last step reached, the days its schedule moved back
     * for pauses that ended without a broken promise, and since when it is paused (null if not).
     */
    record Dunning(DunningStep reached, int pausedDays, LocalDate pausedSince) {
        static final Dunning NOT_STARTED = new Dunning(null, 0, null);

        Dunning reach(DunningStep step) {
            return new Dunning(step, pausedDays, pausedSince);
        }

        Dunning pausedFrom(LocalDate day) {
            return new Dunning(reached, pausedDays, pausedSince == null ? day : pausedSince);
        }

        Dunning resumed(int morePausedDays) {
            return new Dunning(reached, pausedDays + morePausedDays, null);
        }
    }

    OpenInvoice {
        handoverApprovals = handoverApprovals == null ? List.of() : List.copyOf(handoverApprovals);
        dunning = dunning == null ? Dunning.NOT_STARTED : dunning;
    }

    static OpenInvoice issued(String invoiceId, String orderId, BigDecimal amount, String currency,
                              LocalDate issueDate, LocalDate dueDate, boolean dueDateGiven) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, amount,
                false, null, List.of(), false, Dunning.NOT_STARTED);
    }

    boolean open() {
        return balance.signum() > 0;
    }

    OpenInvoice withBalance(BigDecimal newBalance) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, newBalance,
                disputed, promise, handoverApprovals, handedOver, dunning);
    }

    OpenInvoice withDisputed(boolean nowDisputed) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                nowDisputed, promise, handoverApprovals, handedOver, dunning);
    }

    OpenInvoice withPromise(Promise newPromise) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, newPromise, handoverApprovals, handedOver, dunning);
    }

    OpenInvoice withApproval(Approval approval) {
        List<Approval> approvals = new java.util.ArrayList<>(handoverApprovals);
        approvals.add(approval);
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, promise, approvals, handedOver, dunning);
    }

    OpenInvoice handedOverNow() {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, promise, handoverApprovals, true, dunning);
    }

    OpenInvoice withDunning(Dunning newDunning) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, balance,
                disputed, promise, handoverApprovals, handedOver, newDunning);
    }

    /** Dunning goes on while a balance is open and the invoice is not with a collection agency. */
    boolean dunnable() {
        return open() && !handedOver;
    }

    /** Disputes and valid promises pause an invoice: for dunning and for the overdue rule. */
    boolean paused(LocalDate today) {
        return disputed || promise != null && promise.validOn(today);
    }
}
