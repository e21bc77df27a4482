package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.dunning.DunningCommands.OpenCourtesyCall;
import com.creditdesk.api.dunning.DunningCommands.RecordCourtesyCall;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallDue;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallMade;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassSet;
import com.creditdesk.command.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;
import static com.creditdesk.command.account.AccountFixtures.fixture;

/** Courtesy calls before the due date: for whom they are planned, when they become a task, and how they end. */
class CourtesyCallTest {
    /** An account opened a year before {@link AccountFixtures#TODAY}: no longer a new customer. */
    private static final Instant A_YEAR_AGO = TODAY.minusYears(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
    private static final LocalDate DUE = TODAY.plusDays(30);
    private static final InvoiceIssued ISSUED =
            new InvoiceIssued(C, "I-1", null, eur("800"), "EUR", TODAY, DUE, null, "erp");
    private static final CourtesyCallScheduled PLANNED =
            new CourtesyCallScheduled(C, "I-1", DUE.minusDays(3), List.of(CourtesyReason.NEW_CUSTOMER));

    @Test
    void aNewCustomersInvoiceGetsACallTheSegmentsDaysBeforeItFallsDue() {
        AccountOpened enterprise = new AccountOpened(C, "Brouwerij Haacht", Segment.ENTERPRISE, "EUR", "sales2",
                Language.nl, "erp", null);
        fixture().given(enterprise)
                .when(new IssueInvoice(C, "I-1", null, eur("800"), "EUR", TODAY, DUE, "erp"))
                .expectEvents(new InvoiceIssued(C, "I-1", null, eur("800"), "EUR", TODAY, DUE, null, "erp"),
                        new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, DUE.plusDays(7)),
                        new CourtesyCallScheduled(C, "I-1", DUE.minusDays(5), List.of(CourtesyReason.NEW_CUSTOMER)));
    }

    @Test
    void anEstablishedCustomerWithoutWarningSignsGetsNoCall() {
        fixture().givenCurrentTime(A_YEAR_AGO).andGiven(OPENED)
                .when(new IssueInvoice(C, "I-1", null, eur("800"), "EUR", TODAY, DUE, "erp"))
                .expectEvents(new InvoiceIssued(C, "I-1", null, eur("800"), "EUR", TODAY, DUE, null, "erp"),
                        new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, DUE.plusDays(3)));
    }

    @Test
    void aCustomerMadeHighGetsCallsForItsOpenInvoicesNotDueYet() {
        InvoiceIssued overdue = new InvoiceIssued(C, "I-0", null, eur("100"), "EUR", TODAY.minusDays(40),
                TODAY.minusDays(10), null, "erp");
        fixture().givenCurrentTime(A_YEAR_AGO).andGiven(OPENED, overdue, ISSUED)
                .when(new SetRiskClass(C, RiskClass.HIGH, "annual accounts show losses", "credit1"))
                .expectEvents(new RiskClassSet(C, RiskClass.HIGH, null, "annual accounts show losses", "credit1"),
                        new ReviewScheduled(C, TODAY.plusMonths(1), RiskClass.HIGH, "risk class HIGH set"),
                        new CourtesyCallScheduled(C, "I-1", DUE.minusDays(3), List.of(CourtesyReason.HIGH_RISK)));
    }

    @Test
    void theSecondLatePaymentInAYearMakesLatePaymentRepeated() {
        InvoiceIssued late1 = new InvoiceIssued(C, "I-8", null, eur("100"), "EUR", TODAY.minusDays(90),
                TODAY.minusDays(60), null, "erp");
        InvoiceIssued late2 = new InvoiceIssued(C, "I-9", null, eur("100"), "EUR", TODAY.minusDays(40),
                TODAY.minusDays(10), null, "erp");
        PaymentRegistered firstLate = new PaymentRegistered(C, "P-1", eur("100"), "EUR", TODAY.minusDays(50), "I-8",
                List.of(new Allocation("I-8", eur("100"))), eur("0"), "bank");
        fixture().givenCurrentTime(A_YEAR_AGO).andGiven(OPENED, late1, late2, ISSUED, firstLate)
                .when(new RegisterPayment(C, "P-2", eur("100"), "EUR", TODAY, "I-9", "bank"))
                .expectEvents(new PaymentRegistered(C, "P-2", eur("100"), "EUR", TODAY, "I-9",
                                List.of(new Allocation("I-9", eur("100"))), eur("0"), "bank"),
                        new CourtesyCallScheduled(C, "I-1", DUE.minusDays(3),
                                List.of(CourtesyReason.REPEATED_LATE_PAYMENT)));
    }

    @Test
    void onItsDayTheCallBecomesTheAccountManagersTaskOnce() {
        fixture(DUE.minusDays(3)).given(OPENED, ISSUED, PLANNED)
                .when(new OpenCourtesyCall(C, "I-1"))
                .expectEvents(new CourtesyCallDue(C, "I-1", DUE, eur("800"), "EUR", "sales1",
                        List.of(CourtesyReason.NEW_CUSTOMER)));
        fixture(DUE.minusDays(2)).given(OPENED, ISSUED, PLANNED,
                        new CourtesyCallDue(C, "I-1", DUE, eur("800"), "EUR", "sales1", List.of(CourtesyReason.NEW_CUSTOMER)))
                .when(new OpenCourtesyCall(C, "I-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aPaidInvoiceOrOneAlreadyDueNeedsNoCall() {
        PaymentRegistered paid = new PaymentRegistered(C, "P-1", eur("800"), "EUR", TODAY.plusDays(5), "I-1",
                List.of(new Allocation("I-1", eur("800"))), eur("0"), "bank");
        fixture(DUE.minusDays(3)).given(OPENED, ISSUED, PLANNED, paid)
                .when(new OpenCourtesyCall(C, "I-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture(DUE.plusDays(1)).given(OPENED, ISSUED, PLANNED) // the timer ran late, after downtime
                .when(new OpenCourtesyCall(C, "I-1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void theCallMadeIsRecordedOnceWithItsNote() {
        CourtesyCallMade made = new CourtesyCallMade(C, "I-1", "reminded of the 30 days, pays Friday", "sales1");
        fixture().given(OPENED, ISSUED, PLANNED)
                .when(new RecordCourtesyCall(C, "I-1", "reminded of the 30 days, pays Friday", "sales1"))
                .expectEvents(made);
        fixture().given(OPENED, ISSUED, PLANNED, made)
                .when(new RecordCourtesyCall(C, "I-1", "called again", "sales1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aCallIsOnlyRecordedWhereOneWasPlanned() {
        fixture().given(OPENED, ISSUED)
                .when(new RecordCourtesyCall(C, "I-1", "called", "sales1"))
                .expectNoEvents().expectException(Refusal.Violated.class);
        fixture().given(OPENED, ISSUED)
                .when(new RecordCourtesyCall(C, "I-404", "called", "sales1"))
                .expectNoEvents().expectException(Refusal.NotFound.class);
    }
}
