package com.creditdesk.query.application;

import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.ApplicationScreened;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.application.ApplicationQueries.ApplicationView;
import com.creditdesk.api.application.ApplicationQueries.ApprovalView;
import com.creditdesk.api.application.ApplicationQueries.DecisionView;
import com.creditdesk.api.application.ApplicationQueries.FindApplication;
import com.creditdesk.api.application.ApplicationQueries.ScreeningView;
import com.creditdesk.api.application.ApplicationStatus;
import com.creditdesk.query.common.KeyedViews;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Credit applications of prospects: as filed, screened and decided; the worklists read those waiting. */
@Component
@ProcessingGroup(ApplicationProjection.GROUP)
public class ApplicationProjection {
    public static final String GROUP = "applications";
    /** What a salesperson's worklist shows: their latest applications, waiting or decided. */
    private static final int PER_SALESPERSON = 50;

    private final KeyedViews<ApplicationView> applications;

    public ApplicationProjection(MongoDatabase database) {
        this.applications = new KeyedViews<>(database.getCollection("applications"), ApplicationView.class);
        applications.collection().createIndex(Indexes.ascending("accountManager", "filedAt"));
        applications.collection().createIndex(Indexes.ascending("status", "filedAt"));
    }

    @EventHandler
    void on(CreditApplicationFiled e, @SequenceNumber long sequence, @Timestamp Instant at) {
        applications.create(e.applicationId(), sequence, new ApplicationView(e.applicationId(), e.customerId(),
                e.prospectName(), e.segment(), e.currency(), e.accountManager(), e.requestedLimit(),
                e.expectedMonthlyVolume(), e.requestedTermDays(), e.visit(), ApplicationStatus.FILED, at, null, null,
                null));
    }

    @EventHandler
    void on(ApplicationScreened e, @SequenceNumber long sequence, @Timestamp Instant at) {
        boolean complete = e.identityChecked() && e.vatNumberChecked() && e.annualAccountsRead() && e.insurerCoverAsked();
        change(e.applicationId(), sequence, view -> with(view, ApplicationStatus.SCREENED, new ScreeningView(complete,
                e.externalRating(), e.externalScore(), e.equityRatio(), e.yearsInBusiness(), e.score(), e.riskClass(),
                e.scoringVersion(), e.actor(), at), view.firstApproval(), view.decision()));
    }

    @EventHandler
    void on(ApplicationApprovalGiven e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.applicationId(), sequence, view -> with(view, ApplicationStatus.AWAITING_SECOND_APPROVAL,
                view.screening(), new ApprovalView(e.decision(), e.limit(), e.securityRequired(), e.note(), e.actor(),
                        at), view.decision()));
    }

    @EventHandler
    void on(ApplicationApproved e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.applicationId(), sequence, view -> with(view, ApplicationStatus.APPROVED, view.screening(),
                view.firstApproval(), new DecisionView(e.decision(), e.limit(), e.securityRequired(), e.note(),
                        e.approvedBy(), at)));
    }

    @EventHandler
    void on(ApplicationDeclined e, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(e.applicationId(), sequence, view -> with(view, ApplicationStatus.DECLINED, view.screening(),
                view.firstApproval(), new DecisionView(ApplicationDecision.DECLINE, null, null, e.note(),
                        List.of(e.actor()), at)));
    }

    private void change(String applicationId, long sequence, UnaryOperator<ApplicationView> change) {
        applications.update(applicationId, sequence, change);
    }

    private static ApplicationView with(ApplicationView view, ApplicationStatus status, ScreeningView screening,
                                        ApprovalView firstApproval, DecisionView decision) {
        return new ApplicationView(view.applicationId(), view.customerId(), view.prospectName(), view.segment(),
                view.currency(), view.accountManager(), view.requestedLimit(), view.expectedMonthlyVolume(),
                view.requestedTermDays(), view.visit(), status, view.filedAt(), screening, firstApproval, decision);
    }

    @ResetHandler
    void reset() {
        applications.clear();
    }

    @QueryHandler
    public Optional<ApplicationView> handle(FindApplication query) {
        return applications.find(query.applicationId());
    }

    /** Applications credit has not decided yet, oldest first. */
    public List<ApplicationView> waiting() {
        return applications.collection().find(Filters.in("status", ApplicationStatus.FILED.name(),
                        ApplicationStatus.SCREENED.name(), ApplicationStatus.AWAITING_SECOND_APPROVAL.name()))
                .sort(Sorts.ascending("filedAt")).map(applications::read).into(new ArrayList<>());
    }

    /** A salesperson's latest applications, newest first. */
    public List<ApplicationView> filedBy(String accountManager) {
        return applications.collection().find(Filters.eq("accountManager", accountManager))
                .sort(Sorts.descending("filedAt")).limit(PER_SALESPERSON).map(applications::read)
                .into(new ArrayList<>());
    }
}
