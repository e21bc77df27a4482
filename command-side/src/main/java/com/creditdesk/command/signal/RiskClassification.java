package com.creditdesk.command.signal;

import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalDirection;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassProposed;
import com.creditdesk.api.signal.SignalEvents.RiskClassSet;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.LocalDate;
import java.util.List;

/**
 * The account's risk class and the next periodic review it sets: one cycle of the class after the class was set or
 * the last review concluded, or earlier where a limit's review date says so. Warning signs propose a higher class;
 * credit decides. An account not classified yet counts as MEDIUM for a proposal and has no periodic review.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class RiskClassification {
    private RiskClass riskClass;
    private RiskClass proposed;
    private LocalDate nextReviewOn;

    /** Setting the class the account has records nothing. */
    public List<Object> set(SetRiskClass cmd, LocalDate today, ReviewCycles cycles) {
        if (cmd.riskClass() == riskClass) {
            return List.of();
        }
        return List.of(new RiskClassSet(cmd.customerId(), cmd.riskClass(), riskClass, cmd.reason(), cmd.actor()),
                new ReviewScheduled(cmd.customerId(), cycles.nextReview(cmd.riskClass(), today), cmd.riskClass(),
                        "risk class " + cmd.riskClass() + " set"));
    }

    /** A HIGH negative signal proposes a higher class. */
    public List<Object> afterSignal(ReportSalesSignal cmd) {
        return cmd.severity() == Severity.HIGH && cmd.category().direction() == SignalDirection.NEGATIVE
                ? propose(cmd.customerId(), "HIGH negative signal " + cmd.category()) : List.of();
    }

    /** A promise broken in dunning's advance proposes a higher class. */
    public List<Object> afterDunning(String customerId, String invoiceId, List<Object> advanced) {
        return advanced.stream().anyMatch(PaymentPromiseBroken.class::isInstance)
                ? propose(customerId, "payment promise on invoice " + invoiceId + " broken") : List.of();
    }

    /** The next class up, once per class proposed: a proposal waiting for credit is not made again. */
    List<Object> propose(String customerId, String reason) {
        RiskClass current = riskClass == null ? RiskClass.MEDIUM : riskClass;
        RiskClass higher = current.higher();
        if (higher == current || higher == proposed) {
            return List.of();
        }
        return List.of(new RiskClassProposed(customerId, riskClass, higher, reason));
    }

    /** A concluded review plans the next one a cycle later. */
    public List<Object> reviewConcluded(String customerId, LocalDate today, ReviewCycles cycles) {
        return riskClass == null ? List.of() : List.of(new ReviewScheduled(customerId,
                cycles.nextReview(riskClass, today), riskClass, "review concluded"));
    }

    /** A limit's review date is honoured like a periodic review, unless one is planned before it. */
    public List<Object> limitReviewOn(String customerId, LocalDate reviewDate) {
        if (reviewDate == null || nextReviewOn != null && !reviewDate.isBefore(nextReviewOn)) {
            return List.of();
        }
        return List.of(new ReviewScheduled(customerId, reviewDate, riskClass, "the limit's review date"));
    }

    public RiskClass riskClass() {
        return riskClass;
    }

    public boolean reviewDue(LocalDate today) {
        return nextReviewOn != null && !today.isBefore(nextReviewOn);
    }

    public String dueReviewReason() {
        return "periodic review" + (riskClass == null ? "" : " of risk class " + riskClass) + ", due on "
                + nextReviewOn;
    }

    /** Takes what concerns the class and its reviews; {@code day} is when the event was recorded. */
    public void evolve(Object event, LocalDate day) {
        if (event instanceof RiskClassSet e) {
            riskClass = e.riskClass();
            proposed = null;
        } else if (event instanceof RiskClassProposed e) {
            proposed = e.proposed();
        } else if (event instanceof ReviewScheduled e) {
            nextReviewOn = e.dueOn();
        } else if (event instanceof CreditReviewOpened && nextReviewOn != null && !day.isBefore(nextReviewOn)) {
            nextReviewOn = null; // the review that was due is open: its conclusion plans the next
        }
    }
}
