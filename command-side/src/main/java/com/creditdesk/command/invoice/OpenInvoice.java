package com.creditdesk.command.invoice;

import com.creditdesk.api.account.CreditFigures;
import com.creditdesk.api.dunning.DunningStep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice as the account needs it for exposure, allocation, the overdue rule and its follow-up:
 * an open dispute, a payment promise, the approvals of a collection hand-over, and where dunning stands.
 * The transitions are named after the events that cause them; the dunning plan replays them on a copy.
 */
public record OpenInvoice(String invoiceId, String orderId, BigDecimal amount, String currency, LocalDate issueDate,
                          LocalDate dueDate, boolean dueDateGiven, BigDecimal balance, boolean disputed,
                          Promise promise, List<Approval> handoverApprovals, boolean handedOver, Dunning dunning,
                          String structuredCommunication)
        implements CreditFigures.Receivable {

    /** A promise to pay {@code amount} by {@code promisedOn}; {@code paid} counts what came in since. */
    public record Promise(LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, BigDecimal paid) {
        public boolean validOn(LocalDate day) {
            return !day.isAfter(pausedUntil);
        }

        public boolean kept() {
            return paid.compareTo(amount) >= 0;
        }
    }

    /** One hand-over approval: who gave it, in which role. */
    public record Approval(String actor, String role) {
    }

    /**
     * Where dunning of the invoice stands: the last step reached, the days its schedule moved back
     * for pauses that ended without a broken promise, and since when it is paused (null if not).
     */
    public record Dunning(DunningStep reached, int pausedDays, LocalDate pausedSince) {
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

    public OpenInvoice {
        handoverApprovals = handoverApprovals == null ? List.of() : List.copyOf(handoverApprovals);
        dunning = dunning == null ? Dunning.NOT_STARTED : dunning;
    }

    static OpenInvoice issued(String invoiceId, String orderId, BigDecimal amount, String currency,
                              LocalDate issueDate, LocalDate dueDate, boolean dueDateGiven,
                              String structuredCommunication) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, amount,
                false, null, List.of(), false, Dunning.NOT_STARTED, structuredCommunication);
    }

    public boolean open() {
        return balance.signum() > 0;
    }

    /** Dunning goes on while a balance is open and the invoice is not with a collection agency. */
    public boolean dunnable() {
        return open() && !handedOver;
    }

    /** Disputes and valid promises pause an invoice: for dunning and for the overdue rule. */
    public boolean paused(LocalDate today) {
        return disputed || promise != null && promise.validOn(today);
    }

    public boolean overdue(LocalDate today) {
        return CreditFigures.overdue(this, today);
    }

    public long daysPastDue(LocalDate today) {
        return CreditFigures.daysPastDue(this, today);
    }

    // ---- transitions, one per event ----------------------------------------------------------------

    OpenInvoice paid(BigDecimal allocated, LocalDate receivedOn) {
        Promise counted = promise != null && promise.validOn(receivedOn)
                ? new Promise(promise.promisedOn(), promise.amount(), promise.pausedUntil(), promise.paid().add(allocated))
                : promise;
        return with(balance.subtract(allocated), disputed, counted, handoverApprovals, handedOver, dunning);
    }

    OpenInvoice disputedOn(LocalDate day) {
        return with(balance, true, promise, handoverApprovals, handedOver, dunning.pausedFrom(day));
    }

    OpenInvoice resolved(BigDecimal balanceLeft) {
        return with(balanceLeft, false, promise, handoverApprovals, handedOver, dunning);
    }

    OpenInvoice promisedOn(LocalDate day, Promise newPromise) {
        return with(balance, disputed, newPromise, handoverApprovals, handedOver, dunning.pausedFrom(day));
    }

    OpenInvoice promiseKept() {
        return with(balance, disputed, null, handoverApprovals, handedOver, dunning);
    }

    /** A broken promise forfeits its pause: the schedule does not move. */
    public OpenInvoice promiseBroken() {
        return with(balance, disputed, null, handoverApprovals, handedOver, dunning.resumed(0));
    }

    OpenInvoice approvedBy(Approval approval) {
        List<Approval> approvals = new ArrayList<>(handoverApprovals);
        approvals.add(approval);
        return with(balance, disputed, promise, approvals, handedOver, dunning);
    }

    OpenInvoice handedOverNow() {
        return with(balance, disputed, promise, handoverApprovals, true, dunning);
    }

    public OpenInvoice stepReached(DunningStep step) {
        return with(balance, disputed, promise, handoverApprovals, handedOver, dunning.reach(step));
    }

    public OpenInvoice resumed(int pausedDays) {
        return with(balance, disputed, promise, handoverApprovals, handedOver, dunning.resumed(pausedDays));
    }

    private OpenInvoice with(BigDecimal newBalance, boolean nowDisputed, Promise newPromise, List<Approval> approvals,
                             boolean nowHandedOver, Dunning newDunning) {
        return new OpenInvoice(invoiceId, orderId, amount, currency, issueDate, dueDate, dueDateGiven, newBalance,
                nowDisputed, newPromise, approvals, nowHandedOver, newDunning, structuredCommunication);
    }
}
