package com.creditdesk.api.signal;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class SignalEvents {
    private SignalEvents() {
    }

    /**
     * The family of sales signals and the credit reviews they open:
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface SignalEvent {
        String customerId();
    }

    @Revision("1")
    public record SalesSignalReported(String customerId, String signalId, SignalCategory category,
                                      SignalDirection direction, Severity severity, String note, LocalDate observedOn,
                                      String actor) implements SignalEvent {
    }

    /**
     * A credit review opened by negative sales signals: a HIGH one, or a second MEDIUM one within 90
     * days. {@code reportedBy} are the salespeople whose signals triggered it; they see its outcome.
     */
    @Revision("1")
    public record CreditReviewOpened(String customerId, String reviewId, List<String> signalIds,
                                     List<String> reportedBy, String reason, String actor) implements SignalEvent {
        public CreditReviewOpened {
            signalIds = List.copyOf(signalIds);
            reportedBy = List.copyOf(reportedBy);
        }
    }

    @Revision("1")
    public record CreditReviewConcluded(String customerId, String reviewId, ReviewOutcome outcome, String note,
                                        BigDecimal newLimit, List<String> signalIds, List<String> reportedBy,
                                        String actor) implements SignalEvent {
        public CreditReviewConcluded {
            signalIds = List.copyOf(signalIds);
            reportedBy = List.copyOf(reportedBy);
        }
    }
}
