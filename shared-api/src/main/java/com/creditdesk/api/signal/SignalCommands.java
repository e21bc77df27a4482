package com.creditdesk.api.signal;

import com.creditdesk.api.account.RiskClass;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

public final class SignalCommands {
    private SignalCommands() {
    }

    public record ReportSalesSignal(@TargetAggregateIdentifier String customerId, String signalId,
                                    SignalCategory category, Severity severity, String note, LocalDate observedOn,
                                    String actor) {
    }

    public record SignalReport(String signalId, boolean reviewOpened) {
    }

    /** Credit concludes the open credit review; LIMIT_CHANGED needs {@code newLimit}. */
    public record ConcludeReview(@TargetAggregateIdentifier String customerId, ReviewOutcome outcome, String note,
                                 BigDecimal newLimit, String actor) {
    }

    /** Credit sets the account's risk class, with a reason. */
    public record SetRiskClass(@TargetAggregateIdentifier String customerId, RiskClass riskClass, String reason,
                               String actor) {
    }

    /** Sent by the review timer when a periodic review's day has come; the account opens it if it is still due. */
    public record OpenDueReview(@TargetAggregateIdentifier String customerId) {
    }
}
