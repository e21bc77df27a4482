package com.creditdesk.api.signal;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class SignalEvents {
    private SignalEvents() {
    }

    @Revision("1")
    public record SalesSignalReported(String customerId, String signalId, SignalCategory category,
                                      SignalDirection direction, Severity severity, String note, LocalDate observedOn,
                                      String actor) {
    }

    /**
     * A credit review opened by negative sales signals: a HIGH one, or a second MEDIUM one within 90
     * days. {@code reportedBy} are the salespeople whose signals triggered it; they see its outcome.
     */
    @Revision("1")
    public record CreditReviewOpened(String customerId, String reviewId, List<String> signalIds,
                                     List<String> reportedBy, String reason, String actor) {
        public CreditReviewOpened {
            signalIds = List.copyOf(signalIds);
            reportedBy = List.copyOf(reportedBy);
        }
    }

    @Revision("1")
    public record CreditReviewConcluded(String customerId, String reviewId, ReviewOutcome outcome, String note,
                                        BigDecimal newLimit, List<String> signalIds, List<String> reportedBy,
                                        String actor) {
        public CreditReviewConcluded {
            signalIds = List.copyOf(signalIds);
            reportedBy = List.copyOf(reportedBy);
        }
    }
}
