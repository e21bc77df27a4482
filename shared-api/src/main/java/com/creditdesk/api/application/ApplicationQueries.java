package com.creditdesk.api.application;

import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationCommands.VisitReport;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public final class ApplicationQueries {
    private ApplicationQueries() {
    }

    public record FindApplication(String applicationId) {
    }

    /** A credit application as filed, screened and decided. */
    public record ApplicationView(String applicationId, String customerId, String prospectName, Segment segment,
                                  String currency, String accountManager, BigDecimal requestedLimit,
                                  BigDecimal expectedMonthlyVolume, int requestedTermDays, VisitReport visit,
                                  ApplicationStatus status, Instant filedAt, ScreeningView screening,
                                  ApprovalView firstApproval, DecisionView decision) {
    }

    public record ScreeningView(boolean checklistComplete, String externalRating, int externalScore,
                                BigDecimal equityRatio, int yearsInBusiness, int score, RiskClass riskClass,
                                String scoringVersion, String screenedBy, Instant at) {
    }

    public record ApprovalView(ApplicationDecision decision, BigDecimal limit, SecurityType securityRequired,
                               String note, String approvedBy, Instant at) {
    }

    public record DecisionView(ApplicationDecision decision, BigDecimal limit, SecurityType securityRequired,
                               String note, List<String> decidedBy, Instant at) {
    }

    /** An application in a worklist: for credit while it waits (and how long), for sales with its outcome. */
    public record ApplicationItem(String applicationId, String customerId, String prospectName,
                                  BigDecimal requestedLimit, String currency, String accountManager,
                                  ApplicationStatus status, Integer score, RiskClass riskClass,
                                  BigDecimal approvedLimit, Instant filedAt, double waitingHours) {
    }
}
