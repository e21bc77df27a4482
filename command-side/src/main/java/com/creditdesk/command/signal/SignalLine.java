package com.creditdesk.command.signal;

import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalDirection;

import java.time.LocalDate;

/** A sales signal as the account remembers it; {@code openedReview} when it was the one that opened a review. */
public record SignalLine(String signalId, SignalCategory category, Severity severity, String note, LocalDate observedOn,
                  String reportedBy, boolean openedReview) {

    SignalLine openingReview() {
        return new SignalLine(signalId, category, severity, note, observedOn, reportedBy, true);
    }

    boolean negative() {
        return category.direction() == SignalDirection.NEGATIVE;
    }
}
