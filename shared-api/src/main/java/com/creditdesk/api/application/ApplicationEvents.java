package com.creditdesk.api.application;

import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationCommands.VisitReport;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

public final class ApplicationEvents {
    private ApplicationEvents() {
    }

    /**
     * The family of a credit application for a prospect (filed, screened, approved or declined):
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface ApplicationEvent {
        String customerId();

        String applicationId();
    }

    /** Filed by sales; {@code accountManager} is who filed it and will manage the account. */
    @Revision("1")
    public record CreditApplicationFiled(String customerId, String applicationId, String prospectName,
                                         Segment segment, String currency, Language language, String email,
                                         String accountManager, BigDecimal requestedLimit,
                                         BigDecimal expectedMonthlyVolume, int requestedTermDays, VisitReport visit,
                                         String actor) implements ApplicationEvent {
    }

    /** The screening's checklist and figures, the score they make under {@code scoringVersion}, its risk class. */
    @Revision("1")
    public record ApplicationScreened(String customerId, String applicationId, boolean identityChecked,
                                      boolean vatNumberChecked, boolean annualAccountsRead, boolean insurerCoverAsked,
                                      String externalRating, int externalScore, BigDecimal equityRatio,
                                      int yearsInBusiness, int score, RiskClass riskClass, String scoringVersion,
                                      String actor) implements ApplicationEvent {
    }

    /** The first of two approvals a limit above the approval authority needs. */
    @Revision("1")
    public record ApplicationApprovalGiven(String customerId, String applicationId, ApplicationDecision decision,
                                           BigDecimal limit, SecurityType securityRequired, String note,
                                           BigDecimal approvalAuthority, String actor) implements ApplicationEvent {
    }

    /**
     * Approved: the account is opened with this limit (and, if named, the security it waits for), under the name,
     * segment, currency, language, e-mail and account manager the application was filed with.
     */
    @Revision("1")
    public record ApplicationApproved(String customerId, String applicationId, ApplicationDecision decision,
                                      BigDecimal limit, SecurityType securityRequired, String note,
                                      List<String> approvedBy, String prospectName, Segment segment, String currency,
                                      Language language, String email, String accountManager, RiskClass riskClass,
                                      String actor)
            implements ApplicationEvent {
        public ApplicationApproved {
            approvedBy = List.copyOf(approvedBy);
        }
    }

    @Revision("1")
    public record ApplicationDeclined(String customerId, String applicationId, String note, String actor)
            implements ApplicationEvent {
    }
}
