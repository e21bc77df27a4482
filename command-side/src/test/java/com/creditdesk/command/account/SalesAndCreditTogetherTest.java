package com.creditdesk.command.account;

import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassProposed;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.ReleaseOutcome;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SignalReport;
import com.creditdesk.api.signal.SignalDirection;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.api.terms.TermsCommands.AgreePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.DecidePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.TermsAnswer;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsApproved;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsRefused;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.command.refusal.Refusal;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;

/** Release of blocked orders, sales signals and reviews, payment terms: one test per rule. */
class SalesAndCreditTogetherTest {
    private static final CreditLimitSet LIMIT = new CreditLimitSet(C, new BigDecimal("1000"), LimitSource.ANALYST,
            "start", null, BigDecimal.ZERO, new BigDecimal("1000"), "credit1");

    private FixtureConfiguration<CustomerAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static CreditDecision decision(String exposure, String amount, boolean review, boolean onHold) {
        return new CreditDecision(eur("1000"), eur("0"), eur(exposure), eur(amount), eur("0"), 0, review, onHold, "v1");
    }

    private static final OrderBlocked BLOCKED = new OrderBlocked(C, "O-1", eur("1500"), "EUR", null,
            List.of(BlockReason.LIMIT_EXCEEDED), decision("0", "1500", false, false), "erp");
    private static final ReleaseRequested REQUESTED = new ReleaseRequested(C, "O-1", eur("1500"), "loyal customer",
            ProposedMeasure.PARTIAL_DELIVERY, "sales1");

    private static SalesSignalReported signal(String id, SignalCategory category, Severity severity, LocalDate on) {
        return new SalesSignalReported(C, id, category, category.direction(), severity, "seen on a visit", on,
                "sales1");
    }

    // ---- release ---------------------------------------------------------------------------------

    @Test
    void salesCanAskToReleaseABlockedOrder() {
        fixture.given(OPENED, LIMIT, BLOCKED)
                .when(new RequestRelease(C, "O-1", "loyal customer", ProposedMeasure.PARTIAL_DELIVERY, "sales1"))
                .expectEvents(REQUESTED);
    }

    @Test
    void onlyABlockedOrderCanBeReleased() {
        fixture.given(OPENED, LIMIT, new OrderAccepted(C, "O-1", eur("10"), "EUR", null, decision("0", "10", false,
                        false), "erp"))
                .when(new RequestRelease(C, "O-1", "why not", ProposedMeasure.NONE, "sales1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void whoeverAskedForTheReleaseMayNeverDecideOnIt() {
        fixture.given(OPENED, LIMIT, BLOCKED, REQUESTED)
                .when(new DecideRelease(C, "O-1", ReleaseDecision.RELEASE, "fine", null, "sales1"))
                .expectNoEvents()
                .expectException(Refusal.FourEyes.class);
    }

    @Test
    void anotherPersonReleasesTheOrderAndItCountsInExposure() {
        fixture.given(OPENED, LIMIT, BLOCKED, REQUESTED)
                .when(new DecideRelease(C, "O-1", ReleaseDecision.RELEASE, "partial delivery agreed", "half now",
                        "credit1"))
                .expectEvents(new OrderReleased(C, "O-1", eur("1500"), "partial delivery agreed", "half now",
                        "sales1", "credit1"))
                .expectResultMessagePayload(new ReleaseOutcome("O-1", OrderStatus.RELEASED));
        fixture.given(OPENED, LIMIT, BLOCKED, REQUESTED,
                        new OrderReleased(C, "O-1", eur("1500"), "ok", null, "sales1", "credit1"))
                .when(new PlaceOrder(C, "O-2", eur("1"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-2", eur("1"), "EUR", null, List.of(BlockReason.LIMIT_EXCEEDED),
                                decision("1500", "1", false, false), "erp"),
                        new LimitExceeded(C, "O-2", eur("1000"), eur("0"), eur("1500"), eur("1"), eur("501"), "erp"));
    }

    @Test
    void creditCanRejectABlockedOrder() {
        fixture.given(OPENED, LIMIT, BLOCKED, REQUESTED)
                .when(new DecideRelease(C, "O-1", ReleaseDecision.REJECT, "too risky", null, "credit1"))
                .expectEvents(new OrderRejected(C, "O-1", eur("1500"), "too risky", "sales1", "credit1"));
    }

    @Test
    void theSameDecisionAgainRecordsNothing() {
        fixture.given(OPENED, LIMIT, BLOCKED, REQUESTED,
                        new OrderRejected(C, "O-1", eur("1500"), "too risky", "sales1", "credit1"))
                .when(new DecideRelease(C, "O-1", ReleaseDecision.REJECT, "too risky", null, "credit1"))
                .expectNoEvents()
                .expectResultMessagePayload(new ReleaseOutcome("O-1", OrderStatus.REJECTED));
    }

    @Test
    void aRejectedOrderCannotBeReleasedAfterwards() {
        fixture.given(OPENED, LIMIT, BLOCKED, new OrderRejected(C, "O-1", eur("1500"), "no", null, "credit1"))
                .when(new DecideRelease(C, "O-1", ReleaseDecision.RELEASE, "changed my mind", null, "credit2"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aSecondRequestWhileOneWaitsIsRefused() {
        fixture.given(OPENED, LIMIT, BLOCKED, REQUESTED)
                .when(new RequestRelease(C, "O-1", "please", ProposedMeasure.PREPAYMENT, "sales2"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    // ---- signals and reviews ---------------------------------------------------------------------

    @Test
    void aHighNegativeSignalOpensACreditReview() {
        fixture.given(OPENED)
                .when(new ReportSalesSignal(C, "S-1", SignalCategory.EMPTY_PREMISES, Severity.HIGH, "seen on a visit",
                        TODAY, "sales1"))
                .expectEvents(signal("S-1", SignalCategory.EMPTY_PREMISES, Severity.HIGH, TODAY),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"),
                                "HIGH negative signal EMPTY_PREMISES", "sales1"),
                        new RiskClassProposed(C, null, RiskClass.HIGH, "HIGH negative signal EMPTY_PREMISES"))
                .expectResultMessagePayload(new SignalReport("S-1", true));
    }

    @Test
    void aSecondMediumNegativeSignalWithin90DaysOpensACreditReview() {
        fixture.given(OPENED, signal("S-1", SignalCategory.STAFF_TURNOVER, Severity.MEDIUM, TODAY.minusDays(90)))
                .when(new ReportSalesSignal(C, "S-2", SignalCategory.COMPLAINTS, Severity.MEDIUM, "seen on a visit",
                        TODAY, "sales2"))
                .expectEvents(new SalesSignalReported(C, "S-2", SignalCategory.COMPLAINTS, SignalDirection.NEGATIVE,
                                Severity.MEDIUM, "seen on a visit", TODAY, "sales2"),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1", "S-2"), List.of("sales1", "sales2"),
                                "second MEDIUM negative signal within 90 days (STAFF_TURNOVER, COMPLAINTS)", "sales2"));
    }

    @Test
    void mediumSignalsMoreThan90DaysApartOpenNoReview() {
        fixture.given(OPENED, signal("S-1", SignalCategory.STAFF_TURNOVER, Severity.MEDIUM, TODAY.minusDays(91)))
                .when(new ReportSalesSignal(C, "S-2", SignalCategory.COMPLAINTS, Severity.MEDIUM, "seen on a visit",
                        TODAY, "sales1"))
                .expectEvents(signal("S-2", SignalCategory.COMPLAINTS, Severity.MEDIUM, TODAY))
                .expectResultMessagePayload(new SignalReport("S-2", false));
    }

    @Test
    void positiveSignalsNeverOpenAReview() {
        fixture.given(OPENED)
                .when(new ReportSalesSignal(C, "S-1", SignalCategory.GROWTH, Severity.HIGH, "seen on a visit", TODAY,
                        "sales1"))
                .expectEvents(new SalesSignalReported(C, "S-1", SignalCategory.GROWTH, SignalDirection.POSITIVE,
                        Severity.HIGH, "seen on a visit", TODAY, "sales1"));
    }

    @Test
    void anOpenReviewBlocksOrdersWithCreditReview() {
        fixture.given(OPENED, LIMIT, signal("S-1", SignalCategory.PAYMENT_RUMOURS, Severity.HIGH, TODAY),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"), "HIGH", "sales1"))
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("100"), "EUR", null, List.of(BlockReason.CREDIT_REVIEW),
                        decision("0", "100", true, false), "erp"));
    }

    @Test
    void allFourReasonsAreListedTogether() {
        InvoiceIssued old = new InvoiceIssued(C, "I-1", null, eur("300"), "EUR", TODAY.minusDays(70),
                TODAY.minusDays(40), 30, "erp");
        CreditDecision expected = new CreditDecision(eur("1000"), eur("0"), eur("300"), eur("800"), eur("300"), 40,
                true, true, "v1");
        fixture.given(OPENED, LIMIT, old, signal("S-1", SignalCategory.PAYMENT_RUMOURS, Severity.HIGH, TODAY),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"), "HIGH", "sales1"),
                        new AccountPutOnHold(C, "hold", "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("800"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("800"), "EUR", null, List.of(BlockReason.ACCOUNT_ON_HOLD,
                                BlockReason.OVERDUE_INVOICES, BlockReason.LIMIT_EXCEEDED, BlockReason.CREDIT_REVIEW),
                                expected, "erp"),
                        new LimitExceeded(C, "O-1", eur("1000"), eur("0"), eur("300"), eur("800"), eur("100"), "erp"));
    }

    @Test
    void concludingAReviewWithANewLimitSetsTheAnalystLimit() {
        fixture.given(OPENED, LIMIT, signal("S-1", SignalCategory.PAYMENT_RUMOURS, Severity.HIGH, TODAY),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"), "HIGH", "sales1"))
                .when(new ConcludeReview(C, ReviewOutcome.LIMIT_CHANGED, "halved", eur("500"), "credit1"))
                .expectEvents(new CreditReviewConcluded(C, C + "-R1", ReviewOutcome.LIMIT_CHANGED, "halved", eur("500"),
                                List.of("S-1"), List.of("sales1"), "credit1"),
                        new CreditLimitSet(C, eur("500"), LimitSource.ANALYST, "credit review C-1-R1: halved", null,
                                eur("1000"), eur("500"), "credit1"));
    }

    @Test
    void concludingAReviewWithHoldPutsTheAccountOnHold() {
        fixture.given(OPENED, signal("S-1", SignalCategory.PAYMENT_RUMOURS, Severity.HIGH, TODAY),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"), "HIGH", "sales1"))
                .when(new ConcludeReview(C, ReviewOutcome.HOLD, "stop deliveries", null, "credit1"))
                .expectEvents(new CreditReviewConcluded(C, C + "-R1", ReviewOutcome.HOLD, "stop deliveries", null,
                                List.of("S-1"), List.of("sales1"), "credit1"),
                        new AccountPutOnHold(C, "credit review C-1-R1: stop deliveries", "credit1"));
    }

    @Test
    void afterTheConclusionOrdersAreNoLongerBlockedByTheReview() {
        fixture.given(OPENED, LIMIT, signal("S-1", SignalCategory.PAYMENT_RUMOURS, Severity.HIGH, TODAY),
                        new CreditReviewOpened(C, C + "-R1", List.of("S-1"), List.of("sales1"), "HIGH", "sales1"),
                        new CreditReviewConcluded(C, C + "-R1", ReviewOutcome.NO_CHANGE, "ok", null, List.of("S-1"),
                                List.of("sales1"), "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(new OrderAccepted(C, "O-1", eur("100"), "EUR", null, decision("0", "100", false, false),
                        "erp"));
    }

    @Test
    void concludingWithoutAnOpenReviewIsRefused() {
        fixture.given(OPENED)
                .when(new ConcludeReview(C, ReviewOutcome.NO_CHANGE, "nothing", null, "credit1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    // ---- payment terms ---------------------------------------------------------------------------

    @Test
    void termsUpTo15DaysAboveStandardAreInForceAtOnce() {
        fixture.given(OPENED)
                .when(new AgreePaymentTerms(C, 45, "seasonal business", "sales1"))
                .expectEvents(new PaymentTermsAgreed(C, 45, 30, 30, TermsStatus.IN_FORCE, "seasonal business",
                        "sales1"))
                .expectResultMessagePayload(new TermsAnswer(45, TermsStatus.IN_FORCE));
    }

    @Test
    void longerTermsWaitForCreditsApproval() {
        fixture.given(OPENED)
                .when(new AgreePaymentTerms(C, 46, "big deal", "sales1"))
                .expectEvents(new PaymentTermsAgreed(C, 46, 30, 30, TermsStatus.AWAITING_APPROVAL, "big deal",
                        "sales1"))
                .expectResultMessagePayload(new TermsAnswer(46, TermsStatus.AWAITING_APPROVAL));
    }

    @Test
    void invoicesFollowTheTermsInForceNotThoseAwaitingApproval() {
        fixture.given(OPENED, new PaymentTermsAgreed(C, 60, 30, 30, TermsStatus.AWAITING_APPROVAL, "deal", "sales1"))
                .when(new IssueInvoice(C, "I-1", null, eur("100"), "EUR", TODAY, null, "erp"))
                .expectEvents(new InvoiceIssued(C, "I-1", null, eur("100"), "EUR", TODAY, TODAY.plusDays(30), 30,
                        "erp"), new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, TODAY.plusDays(33)),
                        new CourtesyCallScheduled(C, "I-1", TODAY.plusDays(27), List.of(CourtesyReason.NEW_CUSTOMER)));
        fixture.given(OPENED, new PaymentTermsAgreed(C, 60, 30, 30, TermsStatus.AWAITING_APPROVAL, "deal", "sales1"),
                        new PaymentTermsApproved(C, 60, "ok", "sales1", "credit1"))
                .when(new IssueInvoice(C, "I-1", null, eur("100"), "EUR", TODAY, null, "erp"))
                .expectEvents(new InvoiceIssued(C, "I-1", null, eur("100"), "EUR", TODAY, TODAY.plusDays(60), 60,
                        "erp"), new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, TODAY.plusDays(63)),
                        new CourtesyCallScheduled(C, "I-1", TODAY.plusDays(57), List.of(CourtesyReason.NEW_CUSTOMER)));
    }

    @Test
    void creditApprovesOrRefusesTermsAwaitingApproval() {
        fixture.given(OPENED, new PaymentTermsAgreed(C, 60, 30, 30, TermsStatus.AWAITING_APPROVAL, "deal", "sales1"))
                .when(new DecidePaymentTerms(C, true, "ok", "credit1"))
                .expectEvents(new PaymentTermsApproved(C, 60, "ok", "sales1", "credit1"))
                .expectResultMessagePayload(new TermsAnswer(60, TermsStatus.IN_FORCE));
        fixture.given(OPENED, new PaymentTermsAgreed(C, 60, 30, 30, TermsStatus.AWAITING_APPROVAL, "deal", "sales1"))
                .when(new DecidePaymentTerms(C, false, "too long", "credit1"))
                .expectEvents(new PaymentTermsRefused(C, 60, 30, "too long", "sales1", "credit1"))
                .expectResultMessagePayload(new TermsAnswer(30, TermsStatus.IN_FORCE));
    }

    @Test
    void decidingWithoutTermsAwaitingApprovalIsRefused() {
        fixture.given(OPENED)
                .when(new DecidePaymentTerms(C, true, "ok", "credit1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }
}
