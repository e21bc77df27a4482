package com.creditdesk.command.signal;

import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SignalReport;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What sales saw in the field and the credit reviews it opened: one review open at a time, concluded by
 * credit. Decisions return the events to record or throw a {@link Refusal}.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ReviewLedger {
    private Map<String, SignalLine> signals = new LinkedHashMap<>();
    private OpenReview openReview;
    private int reviewsOpened;

    /** The credit review that sales signals opened and credit has not yet concluded. */
    record OpenReview(String reviewId, List<String> signalIds, List<String> reportedBy) {
    }

    public boolean reviewOpen() {
        return openReview != null;
    }

    /** The same signal sent again gets the first answer; the same id with other content is refused. */
    public Optional<SignalReport> repeated(ReportSalesSignal cmd) {
        SignalLine known = signals.get(cmd.signalId());
        if (known == null) {
            return Optional.empty();
        }
        if (known.category() != cmd.category() || known.severity() != cmd.severity()
                || !known.note().equals(cmd.note()) || !known.observedOn().equals(cmd.observedOn())) {
            throw Refusal.idConflict("signal", cmd.signalId());
        }
        return Optional.of(report(cmd.signalId()));
    }

    /** A signal from the field; a HIGH negative one, or a second MEDIUM one within 90 days, opens a review. */
    public List<Object> report(ReportSalesSignal cmd) {
        SignalLine signal = new SignalLine(cmd.signalId(), cmd.category(), cmd.severity(), cmd.note(),
                cmd.observedOn(), cmd.actor(), false);
        List<Object> events = new ArrayList<>();
        events.add(new SalesSignalReported(cmd.customerId(), cmd.signalId(), cmd.category(),
                cmd.category().direction(), cmd.severity(), cmd.note(), cmd.observedOn(), cmd.actor()));
        if (openReview == null) {
            ReviewTrigger.evaluate(signal, signals.values()).ifPresent(trigger -> events.add(new CreditReviewOpened(
                    cmd.customerId(), cmd.customerId() + "-R" + (reviewsOpened + 1),
                    trigger.signals().stream().map(SignalLine::signalId).toList(),
                    trigger.signals().stream().map(SignalLine::reportedBy).distinct().toList(), trigger.reason(),
                    cmd.actor())));
        }
        return events;
    }

    public SignalReport report(String signalId) {
        return new SignalReport(signalId, signals.get(signalId).openedReview());
    }

    /** A periodic review whose day has come, opened by the review timer: no signal named it. */
    public CreditReviewOpened openPeriodic(String customerId, String reason) {
        return new CreditReviewOpened(customerId, customerId + "-R" + (reviewsOpened + 1), List.of(), List.of(),
                reason, "credit-desk");
    }

    /** Credit concludes the open review: no change, a new limit (which the account then sets), or a hold. */
    public CreditReviewConcluded conclude(ConcludeReview cmd) {
        if (openReview == null) {
            throw Refusal.violated(Rule.NO_OPEN_REVIEW, "account " + cmd.customerId() + " has no open credit review");
        }
        if (cmd.outcome() == ReviewOutcome.LIMIT_CHANGED && cmd.newLimit() == null) {
            throw Refusal.invalid("newLimit", "a LIMIT_CHANGED conclusion needs the new limit");
        }
        return new CreditReviewConcluded(cmd.customerId(), openReview.reviewId(), cmd.outcome(), cmd.note(),
                cmd.outcome() == ReviewOutcome.LIMIT_CHANGED ? cmd.newLimit() : null, openReview.signalIds(),
                openReview.reportedBy(), cmd.actor());
    }

    public void evolve(Object event) {
        if (event instanceof SalesSignalReported e) {
            signals.put(e.signalId(), new SignalLine(e.signalId(), e.category(), e.severity(), e.note(),
                    e.observedOn(), e.actor(), false));
        } else if (event instanceof CreditReviewOpened e) {
            openReview = new OpenReview(e.reviewId(), e.signalIds(), e.reportedBy());
            reviewsOpened++;
            if (!e.signalIds().isEmpty()) { // the last signal named is the one that opened it
                signals.computeIfPresent(e.signalIds().get(e.signalIds().size() - 1),
                        (id, signal) -> signal.openingReview());
            }
        } else if (event instanceof CreditReviewConcluded) {
            openReview = null;
        }
    }
}
