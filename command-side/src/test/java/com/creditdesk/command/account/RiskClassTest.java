package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.OpenDueReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import com.creditdesk.api.signal.SignalDirection;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassProposed;
import com.creditdesk.api.signal.SignalEvents.RiskClassSet;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;

/** Risk classes and their review cycles: HIGH monthly, MEDIUM quarterly, LOW yearly; warning signs propose. */
class RiskClassTest {
    private static final RiskClassSet HIGH = new RiskClassSet(C, RiskClass.HIGH, null, "late payer", "credit1");
    private static final ReviewScheduled MONTHLY = new ReviewScheduled(C, TODAY.plusMonths(1), RiskClass.HIGH,
            "risk class HIGH set");

    @Test
    void aRiskClassSetsTheNextReviewOneCycleLaterAndTheSameClassAgainRecordsNothing() {
        AccountFixtures.fixture().given(OPENED)
                .when(new SetRiskClass(C, RiskClass.HIGH, "late payer", "credit1"))
                .expectEvents(HIGH, MONTHLY);
        AccountFixtures.fixture().given(OPENED, HIGH, MONTHLY)
                .when(new SetRiskClass(C, RiskClass.HIGH, "still late", "credit1")).expectNoEvents();
        AccountFixtures.fixture().given(OPENED, HIGH, MONTHLY)
                .when(new SetRiskClass(C, RiskClass.LOW, "paid everything", "credit1"))
                .expectEvents(new RiskClassSet(C, RiskClass.LOW, RiskClass.HIGH, "paid everything", "credit1"),
                        new ReviewScheduled(C, TODAY.plusYears(1), RiskClass.LOW, "risk class LOW set"));
    }

    @Test
    void onItsDayThePeriodicReviewOpensAndItsConclusionPlansTheNext() {
        AccountFixtures.fixture(TODAY.plusMonths(1).minusDays(1)).given(OPENED, HIGH, MONTHLY)
                .when(new OpenDueReview(C)).expectNoEvents();
        CreditReviewOpened opened = new CreditReviewOpened(C, C + "-R1", List.of(), List.of(),
                "periodic review of risk class HIGH, due on " + TODAY.plusMonths(1), "credit-desk");
        AccountFixtures.fixture(TODAY.plusMonths(1).plusDays(3)).given(OPENED, HIGH, MONTHLY)
                .when(new OpenDueReview(C)).expectEvents(opened);
        AccountFixtures.fixture(TODAY.plusMonths(1).plusDays(3)).given(OPENED, HIGH, MONTHLY, opened)
                .when(new OpenDueReview(C)).expectNoEvents();
        AccountFixtures.fixture(TODAY.plusMonths(1).plusDays(5)).given(OPENED, HIGH, MONTHLY, opened)
                .when(new ConcludeReview(C, ReviewOutcome.NO_CHANGE, "visited: all in order", null, "credit1"))
                .expectEvents(new CreditReviewConcluded(C, C + "-R1", ReviewOutcome.NO_CHANGE, "visited: all in order",
                                null, List.of(), List.of(), "credit1"),
                        new ReviewScheduled(C, TODAY.plusMonths(2).plusDays(5), RiskClass.HIGH, "review concluded"));
    }

    @Test
    void aLimitsReviewDateIsHonouredUnlessAReviewIsPlannedBeforeIt() {
        AccountFixtures.fixture().given(OPENED)
                .when(new SetCreditLimit(C, eur("5000"), LimitSource.ANALYST, "start", TODAY.plusDays(60), "credit1"))
                .expectEvents(new CreditLimitSet(C, eur("5000"), LimitSource.ANALYST, "start", TODAY.plusDays(60),
                                BigDecimal.ZERO, eur("5000"), "credit1"),
                        new ReviewScheduled(C, TODAY.plusDays(60), null, "the limit's review date"));
        AccountFixtures.fixture().given(OPENED, HIGH, MONTHLY)
                .when(new SetCreditLimit(C, eur("5000"), LimitSource.ANALYST, "start", TODAY.plusDays(60), "credit1"))
                .expectEvents(new CreditLimitSet(C, eur("5000"), LimitSource.ANALYST, "start", TODAY.plusDays(60),
                        BigDecimal.ZERO, eur("5000"), "credit1"));
    }

    @Test
    void aProposalWaitingForCreditIsNotMadeAgainAndHighIsAsHighAsItGets() {
        RiskClassSet medium = new RiskClassSet(C, RiskClass.MEDIUM, null, "new customer", "credit1");
        RiskClassProposed proposal = new RiskClassProposed(C, RiskClass.MEDIUM, RiskClass.HIGH,
                "HIGH negative signal EMPTY_PREMISES");
        CreditReviewOpened review = new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"),
                "HIGH negative signal EMPTY_PREMISES", "sales1");
        AccountFixtures.fixture().given(OPENED, medium, reported("S-1", "empty"), review, proposal)
                .when(new ReportSalesSignal(C, "S-2", SignalCategory.EMPTY_PREMISES, Severity.HIGH, "still empty",
                        TODAY, "sales1"))
                .expectEvents(reported("S-2", "still empty"));
        AccountFixtures.fixture().given(OPENED, HIGH)
                .when(new ReportSalesSignal(C, "S-1", SignalCategory.EMPTY_PREMISES, Severity.HIGH, "empty",
                        TODAY, "sales1"))
                .expectEvents(reported("S-1", "empty"), review);
    }

    private static SalesSignalReported reported(String signalId, String note) {
        return new SalesSignalReported(C, signalId, SignalCategory.EMPTY_PREMISES, SignalDirection.NEGATIVE,
                Severity.HIGH, note, TODAY, "sales1");
    }
}
