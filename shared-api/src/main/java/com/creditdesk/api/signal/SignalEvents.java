package com.creditdesk.api.signal;

import com.creditdesk.api.account.RiskClass;
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

    /** Credit set the account's risk class, with a reason; the class sets how often the account is reviewed. */
    @Revision("1")
    public record RiskClassSet(String customerId, RiskClass riskClass, RiskClass previous, String reason, String actor)
            implements SignalEvent {
    }

    /**
     * A warning sign (a HIGH negative sales signal, a broken payment promise) proposes a higher risk class;
     * credit decides by setting one.
     */
    @Revision("1")
    public record RiskClassProposed(String customerId, RiskClass current, RiskClass proposed, String reason)
            implements SignalEvent {
    }

    /**
     * The next periodic credit review falls due on {@code dueOn}: its risk class's cycle after the class was set or
     * the last review concluded, or a limit's review date. A timer opens the review that day (caught up after
     * downtime); the latest plan counts.
     */
    @Revision("1")
    public record ReviewScheduled(String customerId, LocalDate dueOn, RiskClass riskClass, String reason)
            implements SignalEvent {
    }
}
