package com.creditdesk.command.signal;

import com.creditdesk.api.signal.Severity;

import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When sales signals open a credit review: a HIGH negative signal, or a second MEDIUM negative one
 * observed within 90 days of an earlier MEDIUM negative one.
 */
final class ReviewTrigger {
    static final int MEDIUM_WINDOW_DAYS = 90;

    private ReviewTrigger() {
    }

    record Trigger(List<SignalLine> signals, String reason) {
    }

    static Optional<Trigger> evaluate(SignalLine signal, Collection<SignalLine> earlier) {
        if (!signal.negative()) {
            return Optional.empty();
        }
        if (signal.severity() == Severity.HIGH) {
            return Optional.of(new Trigger(List.of(signal), "HIGH negative signal " + signal.category()));
        }
        if (signal.severity() != Severity.MEDIUM) {
            return Optional.empty();
        }
        return earlier.stream()
                .filter(other -> other.negative() && other.severity() == Severity.MEDIUM)
                .filter(other -> Math.abs(ChronoUnit.DAYS.between(other.observedOn(), signal.observedOn()))
                        <= MEDIUM_WINDOW_DAYS)
                .max(java.util.Comparator.comparing(SignalLine::observedOn))
                .map(other -> new Trigger(List.of(other, signal), "second MEDIUM negative signal within "
                        + MEDIUM_WINDOW_DAYS + " days (" + other.category() + ", " + signal.category() + ")"));
    }
}
