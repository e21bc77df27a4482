package com.creditdesk.command.application;

import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.application.ApplicationCommands;
import com.creditdesk.api.application.ApplicationCommands.ApplicationAnswer;
import com.creditdesk.api.application.ApplicationCommands.DecideApplication;
import com.creditdesk.api.application.ApplicationCommands.FileCreditApplication;
import com.creditdesk.api.application.ApplicationCommands.ScreenApplication;
import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.ApplicationScreened;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.application.ApplicationStatus;
import com.creditdesk.api.application.ScoringPolicy;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static com.creditdesk.api.common.Amounts.same;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A prospect's credit application, before the account exists: sales files it with what it saw on a visit, credit
 * screens it (checklist, figures, the versioned score) and decides; a limit above the approval authority needs a
 * second credit controller. Approved, the account is opened with its limit ({@link AccountOpening}).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CreditApplication {
    @AggregateIdentifier
    private String id;
    private CreditApplicationFiled filed;
    private ApplicationScreened screening;
    private ApplicationApprovalGiven firstApproval;
    private ApplicationApproved approval;
    private ApplicationStatus status;

    protected CreditApplication() {
        // for Axon and Jackson
    }

    /** Filing again with the same content answers the same; other content under the same id is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public ApplicationAnswer handle(FileCreditApplication cmd) {
        if (filed == null) {
            apply(new CreditApplicationFiled(cmd.customerId(), cmd.applicationId(), cmd.prospectName(),
                    cmd.segment(), cmd.currency(), cmd.language(), cmd.email(), cmd.actor(), cmd.requestedLimit(),
                    cmd.expectedMonthlyVolume(), cmd.requestedTermDays(), cmd.visit(), cmd.actor()));
        } else if (!sameFiling(cmd)) {
            throw Refusal.idConflict("credit application", cmd.applicationId());
        }
        return answer();
    }

    private boolean sameFiling(FileCreditApplication cmd) {
        return filed.customerId().equals(cmd.customerId()) && filed.prospectName().equals(cmd.prospectName())
                && filed.segment() == cmd.segment() && filed.currency().equals(cmd.currency())
                && filed.language() == cmd.language() && Objects.equals(filed.email(), cmd.email())
                && same(filed.requestedLimit(), cmd.requestedLimit())
                && same(filed.expectedMonthlyVolume(), cmd.expectedMonthlyVolume())
                && filed.requestedTermDays() == cmd.requestedTermDays() && filed.visit().equals(cmd.visit());
    }

    /** Screened (again) until decided; the score follows the scoring policy in force, named in the event. */
    @CommandHandler
    public ApplicationAnswer handle(ScreenApplication cmd) {
        requireUndecided();
        if (!sameScreening(cmd)) {
            int score = ScoringPolicy.V1.score(cmd.externalScore(), cmd.equityRatio(), cmd.yearsInBusiness());
            apply(new ApplicationScreened(filed.customerId(), filed.applicationId(), cmd.identityChecked(),
                    cmd.vatNumberChecked(), cmd.annualAccountsRead(), cmd.insurerCoverAsked(), cmd.externalRating(),
                    cmd.externalScore(), cmd.equityRatio(), cmd.yearsInBusiness(), score,
                    ScoringPolicy.V1.riskClassOf(score), ScoringPolicy.V1.version(), cmd.actor()));
        }
        return answer();
    }

    private boolean sameScreening(ScreenApplication cmd) {
        return screening != null && screening.identityChecked() == cmd.identityChecked()
                && screening.vatNumberChecked() == cmd.vatNumberChecked()
                && screening.annualAccountsRead() == cmd.annualAccountsRead()
                && screening.insurerCoverAsked() == cmd.insurerCoverAsked()
                && Objects.equals(screening.externalRating(), cmd.externalRating())
                && screening.externalScore() == cmd.externalScore() && same(screening.equityRatio(), cmd.equityRatio())
                && screening.yearsInBusiness() == cmd.yearsInBusiness();
    }

    /**
     * Declined at any time before the decision; approved after a complete screening, by one credit controller up
     * to the approval authority and by two above it (the second confirms the first's decision and limit). The same
     * decision sent again answers the same.
     */
    @CommandHandler
    public ApplicationAnswer handle(DecideApplication cmd, ApprovalAuthority authority) {
        if (repeats(cmd)) {
            return answer();
        }
        requireUndecided();
        if (firstApproval != null && firstApproval.actor().equals(cmd.actor())) {
            throw Refusal.fourEyes(cmd.actor() + " gave the first approval of application " + cmd.applicationId()
                    + "; another credit controller decides");
        }
        if (cmd.decision() == ApplicationDecision.DECLINE) {
            apply(new ApplicationDeclined(filed.customerId(), filed.applicationId(), cmd.note(), cmd.actor()));
            return answer();
        }
        requireApprovable(cmd);
        if (firstApproval == null && authority.needsSecondApproval(cmd.limit())) {
            apply(new ApplicationApprovalGiven(filed.customerId(), filed.applicationId(), cmd.decision(), cmd.limit(),
                    cmd.securityRequired(), cmd.note(), authority.singleApprovalUpTo(), cmd.actor()));
            return answer();
        }
        if (firstApproval != null && !sameTerms(firstApproval.decision(), firstApproval.limit(),
                firstApproval.securityRequired(), cmd)) {
            throw Refusal.violated(Rule.APPROVAL_DIFFERS, "the first approval was " + firstApproval.decision()
                    + " with a limit of " + firstApproval.limit() + ": confirm it, or decline");
        }
        List<String> approvedBy = new ArrayList<>();
        if (firstApproval != null) {
            approvedBy.add(firstApproval.actor());
        }
        approvedBy.add(cmd.actor());
        apply(new ApplicationApproved(filed.customerId(), filed.applicationId(), cmd.decision(), cmd.limit(),
                cmd.securityRequired(), cmd.note(), approvedBy, filed.prospectName(), filed.segment(), filed.currency(),
                filed.language(), filed.email(), filed.accountManager(), screening.riskClass(), cmd.actor()));
        return answer();
    }

    /** The decision already recorded, or the first approval given, sent again by the one who gave it. */
    private boolean repeats(DecideApplication cmd) {
        if (status == ApplicationStatus.DECLINED) {
            return cmd.decision() == ApplicationDecision.DECLINE;
        }
        if (approval != null) {
            return sameTerms(approval.decision(), approval.limit(), approval.securityRequired(), cmd);
        }
        return firstApproval != null && firstApproval.actor().equals(cmd.actor())
                && sameTerms(firstApproval.decision(), firstApproval.limit(), firstApproval.securityRequired(), cmd);
    }

    private static boolean sameTerms(ApplicationDecision decision, BigDecimal limit, SecurityType security,
                                     DecideApplication cmd) {
        return decision == cmd.decision() && cmd.limit() != null && same(limit, cmd.limit())
                && security == cmd.securityRequired();
    }

    private void requireApprovable(DecideApplication cmd) {
        if (screening == null || !screening.identityChecked() || !screening.vatNumberChecked()
                || !screening.annualAccountsRead() || !screening.insurerCoverAsked()) {
            throw Refusal.violated(Rule.SCREENING_INCOMPLETE, "application " + cmd.applicationId()
                    + " needs a screening with identity, VAT number, annual accounts and insurer cover checked");
        }
        if (cmd.limit() == null || cmd.limit().signum() <= 0) {
            throw Refusal.invalid("limit", "an approval needs a limit above 0");
        }
        if ((cmd.decision() == ApplicationDecision.APPROVE_WITH_SECURITY) != (cmd.securityRequired() != null)) {
            throw Refusal.invalid("securityRequired", "APPROVE_WITH_SECURITY names the security required, "
                    + "and only it does");
        }
    }

    private void requireUndecided() {
        if (status.decided()) {
            throw Refusal.violated(Rule.APPLICATION_DECIDED, "application " + filed.applicationId() + " was "
                    + status + " already");
        }
    }

    private ApplicationAnswer answer() {
        return new ApplicationAnswer(filed.applicationId(), filed.customerId(), status,
                screening == null ? null : screening.score(), screening == null ? null : screening.riskClass());
    }

    @EventSourcingHandler
    void on(CreditApplicationFiled event) {
        id = ApplicationCommands.aggregateId(event.applicationId());
        filed = event;
        status = ApplicationStatus.FILED;
    }

    @EventSourcingHandler
    void on(ApplicationScreened event) {
        screening = event;
        status = ApplicationStatus.SCREENED;
    }

    @EventSourcingHandler
    void on(ApplicationApprovalGiven event) {
        firstApproval = event;
        status = ApplicationStatus.AWAITING_SECOND_APPROVAL;
    }

    @EventSourcingHandler
    void on(ApplicationApproved event) {
        approval = event;
        status = ApplicationStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(ApplicationDeclined event) {
        status = ApplicationStatus.DECLINED;
    }
}
