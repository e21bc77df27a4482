package com.creditdesk.command.account;

import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningCommands.AdvanceDunning;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassProposed;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.dunning.ReminderTemplates;
import com.creditdesk.command.dunning.ReminderLetters.Letter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.eur;
import static com.creditdesk.command.account.AccountFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreed dunning flow of DOMAIN.md, given/when/then: every step on its day per segment, in order
 * and once, tasks for the people who act, pauses for disputes and promises, escalation on a broken
 * promise, and nothing for invoices that are paid or with an agency.
 */
class DunningTest {
    private static final String I = "I-1";
    /** The invoice's due date; the SMB steps fall on +3, +10, +15, +30 and +45 days. */
    private static final LocalDate DUE = LocalDate.of(2026, 3, 1);
    private static final InvoiceIssued ISSUED =
            new InvoiceIssued(C, I, null, eur("1200.50"), "EUR", DUE.minusDays(30), DUE, 30, "erp");
    private static final AdvanceDunning ADVANCE = new AdvanceDunning(C, I);
    private static final ReminderTemplates TEMPLATES = new ReminderTemplates();

    private static LocalDate day(int afterDue) {
        return DUE.plusDays(afterDue);
    }

    private static Instant at(int afterDue) {
        return day(afterDue).atTime(9, 30).toInstant(ZoneOffset.UTC);
    }

    /** The letter the step sends to the fixture's customer (Dutch, SMB), on {@code daysPastDue}. */
    private static Message letter(DunningStep step, String balance, long daysPastDue) {
        return TEMPLATES.render(step, new Letter(Segment.SMB, Language.nl, "Bakkerij Peeters",
                "boekhouding@peeters.example", I, eur(balance), "EUR", DUE, daysPastDue));
    }

    private static DunningStepReached reached(DunningStep step, int dueAfter, int today) {
        return reached(step, dueAfter, today, "1200.50");
    }

    private static DunningStepReached reached(DunningStep step, int dueAfter, int today, String balance) {
        String assignee = step == DunningStep.CALL ? "sales1" : step.performer() == DunningStep.Performer.CREDIT
                ? "CREDIT" : null;
        return new DunningStepReached(C, I, step, day(dueAfter), today, eur(balance), "EUR", assignee,
                step.sendsMessage() ? letter(step, balance, today) : null);
    }

    /** A broken promise is a warning sign: an account not classified yet (MEDIUM) is proposed HIGH. */
    private static RiskClassProposed brokenPromiseProposesHigh() {
        return new RiskClassProposed(C, null, RiskClass.HIGH, "payment promise on invoice " + I + " broken");
    }

    private static DunningScheduled planned(DunningStep step, int dueAfter) {
        return new DunningScheduled(C, I, step, day(dueAfter));
    }

    // ---- the schedule ------------------------------------------------------------------------------

    @Test
    void issuingAnInvoicePlansTheFirstReminder() {
        fixture(DUE.minusDays(30)).given(OPENED)
                .when(new IssueInvoice(C, I, null, eur("1200.50"), "EUR", DUE.minusDays(30), DUE, "erp"))
                .expectEvents(new InvoiceIssued(C, I, null, eur("1200.50"), "EUR", DUE.minusDays(30), DUE, null, "erp"),
                        planned(DunningStep.REMINDER_1, 3),
                        new CourtesyCallScheduled(C, I, day(-3), List.of(CourtesyReason.NEW_CUSTOMER)));
    }

    @Test
    void beforeItsDayAStepDoesNotFire() {
        fixture(day(2)).given(OPENED, ISSUED).when(ADVANCE).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theFirstReminderIsSentOnItsDayAndTheSecondPlanned() {
        fixture(day(3)).given(OPENED, ISSUED).when(ADVANCE)
                .expectEvents(reached(DunningStep.REMINDER_1, 3, 3), planned(DunningStep.REMINDER_2, 10));
    }

    @Test
    void aStepReachedIsNeverRepeated() {
        fixture(day(5)).given(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3))
                .when(ADVANCE).expectNoEvents();
    }

    @Test
    void everyStepThatFellDueFiresInOrderWithTasksForTheAccountManagerAndCredit() {
        fixture(day(31)).given(OPENED, ISSUED).when(ADVANCE)
                .expectEvents(reached(DunningStep.REMINDER_1, 3, 31), reached(DunningStep.REMINDER_2, 10, 31),
                        reached(DunningStep.CALL, 15, 31), reached(DunningStep.FORMAL_NOTICE, 30, 31),
                        planned(DunningStep.COLLECTION_PROPOSAL, 45));
    }

    @Test
    void afterTheCollectionProposalNothingIsLeftToPlan() {
        fixture(day(60)).given(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        reached(DunningStep.REMINDER_2, 10, 10), reached(DunningStep.CALL, 15, 15),
                        reached(DunningStep.FORMAL_NOTICE, 30, 30))
                .when(ADVANCE)
                .expectEvents(reached(DunningStep.COLLECTION_PROPOSAL, 45, 60));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4} {5} days after the due date")
    @CsvSource({"SMB, 3, 10, 15, 30, 45", "ENTERPRISE, 7, 21, 30, 45, 60", "PUBLIC, 10, 30, 45, 60, 90"})
    void eachSegmentHasItsOwnTable(Segment segment, int r1, int r2, int call, int notice, int proposal) {
        AccountOpened opened = new AccountOpened(C, "Gemeente Zuid", segment, "EUR", "sales2", Language.en, "erp",
                null);
        List<Integer> days = List.of(r1, r2, call, notice, proposal);
        for (DunningStep step : DunningStep.values()) {
            int dueAfter = days.get(step.ordinal());
            assertThat(step.daysAfterDue(segment)).as(step + " for " + segment).isEqualTo(dueAfter);
        }
        fixture(day(call)).given(opened, ISSUED).when(ADVANCE)
                .expectEvents(withoutLetterCheck(segment, DunningStep.REMINDER_1, r1, call),
                        withoutLetterCheck(segment, DunningStep.REMINDER_2, r2, call),
                        new DunningStepReached(C, I, DunningStep.CALL, day(call), call, eur("1200.50"), "EUR", "sales2",
                                null),
                        planned(DunningStep.FORMAL_NOTICE, notice));
    }

    /** A reminder to a customer without an e-mail address, in English. */
    private static DunningStepReached withoutLetterCheck(Segment segment, DunningStep step, int dueAfter, int today) {
        return new DunningStepReached(C, I, step, day(dueAfter), today, eur("1200.50"), "EUR", null,
                TEMPLATES.render(step, new Letter(segment, Language.en, "Gemeente Zuid", null, I, eur("1200.50"), "EUR",
                        DUE, today)));
    }

    @Test
    void lettersPrintAmountsWithTwoDecimalsAsThePaperDoes() {
        Letter letter = new Letter(Segment.SMB, Language.nl, "Bakkerij Peeters", null, I, eur("1000"), "EUR", DUE, 3);
        assertThat(TEMPLATES.render(DunningStep.REMINDER_1, letter).body()).contains("(EUR 1000.00)");
        assertThat(TEMPLATES.handoverNotice(letter, "Incasso Noord").body()).contains("(EUR 1000.00)");
    }

    // ---- what stops dunning ------------------------------------------------------------------------

    @Test
    void aPaidInvoiceIsNotDunned() {
        fixture(day(20)).given(OPENED, ISSUED, new PaymentRegistered(C, "P-1", eur("1200.50"), "EUR", day(1), I,
                        List.of(new Allocation(I, eur("1200.50"))), eur("0"), "erp"))
                .when(ADVANCE).expectNoEvents();
    }

    @Test
    void anInvoiceWithACollectionAgencyIsNotDunned() {
        fixture(day(70)).given(OPENED, ISSUED, new CollectionHandoverApproved(C, I, "Incasso Noord", null, "CREDIT",
                                "credit1"),
                        new CollectionHandoverApproved(C, I, "Incasso Noord", null, "SALES", "sales1"),
                        new InvoiceHandedOver(C, I, "Incasso Noord", List.of("credit1", "sales1")),
                        new AccountPutOnHold(C, "collection hand-over of invoice I-1", "sales1"))
                .when(ADVANCE).expectNoEvents();
    }

    // ---- disputes ----------------------------------------------------------------------------------

    @Test
    void aDisputedInvoiceIsPaused() {
        fixture(day(20)).givenCurrentTime(at(5)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        new InvoiceDisputed(C, I, "damaged goods", "sales1"))
                .when(ADVANCE).expectNoEvents();
    }

    @Test
    void aRejectedDisputeResumesDunningLaterByTheDaysItLasted() {
        fixture(day(20)).givenCurrentTime(at(5)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        new InvoiceDisputed(C, I, "damaged goods", "sales1"))
                .when(new ResolveDispute(C, I, DisputeOutcome.REJECTED, null, "goods were fine", "credit1"))
                .expectEvents(new DisputeResolved(C, I, DisputeOutcome.REJECTED, null, eur("1200.50"), "goods were fine",
                                "credit1"),
                        new DunningResumed(C, I, 15, "dispute rejected"),
                        planned(DunningStep.REMINDER_2, 10 + 15));
    }

    @Test
    void aDisputeOpenedBeforeTheDueDateOnlyCountsTheDaysAfterIt() {
        fixture(day(4)).givenCurrentTime(at(-10)).andGiven(OPENED, ISSUED, new InvoiceDisputed(C, I, "wrong price",
                        "sales1"))
                .when(new ResolveDispute(C, I, DisputeOutcome.CREDITED, eur("200.50"), "price corrected", "credit1"))
                .expectEvents(new DisputeResolved(C, I, DisputeOutcome.CREDITED, eur("200.50"), eur("1000.00"),
                                "price corrected", "credit1"),
                        new DunningResumed(C, I, 4, "dispute credited"),
                        planned(DunningStep.REMINDER_1, 3 + 4));
    }

    @Test
    void aDisputeCreditedInFullEndsDunning() {
        fixture(day(20)).givenCurrentTime(at(5)).andGiven(OPENED, ISSUED, new InvoiceDisputed(C, I, "not delivered",
                        "sales1"))
                .when(new ResolveDispute(C, I, DisputeOutcome.CREDITED, eur("1200.50"), "credit note", "credit1"))
                .expectEvents(new DisputeResolved(C, I, DisputeOutcome.CREDITED, eur("1200.50"), eur("0.00"),
                        "credit note", "credit1"));
    }

    // ---- promises ----------------------------------------------------------------------------------

    private static final PaymentPromised PROMISED =
            new PaymentPromised(C, I, day(20), eur("1200.50"), day(22), "sales1");

    @Test
    void aPromisePausesDunningAndPlansTheCheckForTheDayAfterThePause() {
        fixture(day(16)).given(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        reached(DunningStep.REMINDER_2, 10, 10), reached(DunningStep.CALL, 15, 15))
                .when(new PromisePayment(C, I, day(20), eur("1200.50"), "sales1"))
                .expectEvents(PROMISED, planned(DunningStep.FORMAL_NOTICE, 23));
    }

    @Test
    void duringThePauseNothingFires() {
        fixture(day(22)).givenCurrentTime(at(16)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        reached(DunningStep.REMINDER_2, 10, 10), PROMISED)
                .when(ADVANCE).expectNoEvents();
    }

    @Test
    void aBrokenPromiseMovesDunningStraightToItsNextStep() {
        fixture(day(23)).givenCurrentTime(at(16)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        reached(DunningStep.REMINDER_2, 10, 10), reached(DunningStep.CALL, 15, 15), PROMISED)
                .when(ADVANCE)
                .expectEvents(new PaymentPromiseBroken(C, I, day(20), eur("1200.50"), eur("0")),
                        reached(DunningStep.FORMAL_NOTICE, 23, 23),
                        planned(DunningStep.COLLECTION_PROPOSAL, 45), brokenPromiseProposesHigh());
    }

    @Test
    void aBrokenPromiseEscalatesEvenBeforeTheNextStepsDay() {
        fixture(day(8)).givenCurrentTime(at(4)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        new PaymentPromised(C, I, day(5), eur("1200.50"), day(7), "sales1"))
                .when(ADVANCE)
                .expectEvents(new PaymentPromiseBroken(C, I, day(5), eur("1200.50"), eur("0")),
                        reached(DunningStep.REMINDER_2, 8, 8), planned(DunningStep.CALL, 15),
                        brokenPromiseProposesHigh());
    }

    @Test
    void aPromiseBrokenBeforeTheDueDateLeavesTheScheduleAsItWas() {
        fixture(day(-4)).givenCurrentTime(at(-12)).andGiven(OPENED, ISSUED,
                        new PaymentPromised(C, I, day(-10), eur("1200.50"), day(-8), "sales1"))
                .when(ADVANCE)
                .expectEvents(new PaymentPromiseBroken(C, I, day(-10), eur("1200.50"), eur("0")),
                        planned(DunningStep.REMINDER_1, 3), brokenPromiseProposesHigh(),
                        new CourtesyCallScheduled(C, I, day(-3),
                                List.of(CourtesyReason.NEW_CUSTOMER, CourtesyReason.BROKEN_PROMISE)));
    }

    @Test
    void aKeptPromiseForPartOfTheBalanceResumesDunningLaterByThePause() {
        fixture(day(19)).givenCurrentTime(at(16)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        reached(DunningStep.REMINDER_2, 10, 10), reached(DunningStep.CALL, 15, 15),
                        new PaymentPromised(C, I, day(20), eur("500"), day(22), "sales1"))
                .when(new RegisterPayment(C, "P-1", eur("500"), "EUR", day(19), I, "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("500"), "EUR", day(19), I,
                                List.of(new Allocation(I, eur("500"))), eur("0"), "erp"),
                        new PaymentPromiseKept(C, I, day(20), eur("500")),
                        new DunningResumed(C, I, 3, "promise kept, a balance remains"),
                        planned(DunningStep.FORMAL_NOTICE, 30 + 3));
    }

    @Test
    void aPromiseKeptInFullEndsDunning() {
        fixture(day(19)).givenCurrentTime(at(16)).andGiven(OPENED, ISSUED, reached(DunningStep.REMINDER_1, 3, 3),
                        PROMISED)
                .when(new RegisterPayment(C, "P-1", eur("1200.50"), "EUR", day(19), I, "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("1200.50"), "EUR", day(19), I,
                                List.of(new Allocation(I, eur("1200.50"))), eur("0.00"), "erp"),
                        new PaymentPromiseKept(C, I, day(20), eur("1200.50")));
    }

    // ---- the letters -------------------------------------------------------------------------------

    @Test
    void theReminderIsRenderedForTheCustomersSegmentAndLanguage() {
        Message message = letter(DunningStep.REMINDER_1, "1200.50", 3);
        assertThat(message.language()).isEqualTo(Language.nl);
        assertThat(message.to()).isEqualTo("boekhouding@peeters.example");
        assertThat(message.subject()).isEqualTo("Vriendelijke herinnering: factuur I-1");
        assertThat(message.body()).startsWith("Beste Bakkerij Peeters,")
                .contains("factuur I-1 (EUR 1200.50) op 2026-03-01 vervallen");
    }
}
