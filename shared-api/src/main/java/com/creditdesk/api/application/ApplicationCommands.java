package com.creditdesk.api.application;

import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Commands on a credit application for a prospect, before the first order. An application is its own aggregate:
 * its identifier in the store is {@link #aggregateId(String)}, apart from the accounts' customer ids.
 */
public final class ApplicationCommands {
    private ApplicationCommands() {
    }

    public static String aggregateId(String applicationId) {
        return "application:" + applicationId;
    }

    /** What sales saw on a visit: recorded with the application, the salesperson's estimate, never scored. */
    public record VisitReport(Rating premises, Rating activity, Rating staff, Rating paymentReputation, String note) {
    }

    /** Sales files the application; the account to be opened gets {@code customerId}. */
    public record FileCreditApplication(String applicationId, String customerId, String prospectName, Segment segment,
                                        String currency, Language language, String email, BigDecimal requestedLimit,
                                        BigDecimal expectedMonthlyVolume, int requestedTermDays, VisitReport visit,
                                        String actor) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ApplicationCommands.aggregateId(applicationId);
        }
    }

    /** Credit's screening: the checklist and the figures the score is made of. */
    public record ScreenApplication(String applicationId, boolean identityChecked, boolean vatNumberChecked,
                                    boolean annualAccountsRead, boolean insurerCoverAsked, String externalRating,
                                    int externalScore, BigDecimal equityRatio, int yearsInBusiness, String actor) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ApplicationCommands.aggregateId(applicationId);
        }
    }

    /** Credit decides; a limit above the approval authority needs a second credit controller's approval. */
    public record DecideApplication(String applicationId, ApplicationDecision decision, BigDecimal limit,
                                    SecurityType securityRequired, String note, String actor) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ApplicationCommands.aggregateId(applicationId);
        }
    }

    /** The answer to each of them: where the application stands now. */
    public record ApplicationAnswer(String applicationId, String customerId, ApplicationStatus status, Integer score,
                                    RiskClass riskClass) {
    }
}
