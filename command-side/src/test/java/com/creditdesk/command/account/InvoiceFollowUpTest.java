package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.HandoverStatus;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.HandoverAnswer;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.HandoverNotice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.refusal.Refusal;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.NOW;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;

/** Disputes, payment promises and the collection hand-over of an invoice, given/when/then. */
class InvoiceFollowUpTest {
    private static final String I = "I-1";
    private static final CreditLimitSet LIMIT = new CreditLimitSet(C, eur("10000"), LimitSource.ANALYST, "start",
            null, eur("0"), eur("10000"), "credit1");
    /** 1 000, due 40 days ago: more than 30 days past due. */
    private static final InvoiceIssued OVERDUE = new InvoiceIssued(C, I, null, eur("1000"), "EUR",
            TODAY.minusDays(70), TODAY.minusDays(40), null, "erp");
    /** After a pause of the overdue invoice, its first reminder (due 37 days ago) is planned: it fires at once. */
    private static final DunningScheduled REMINDER_1_AT_ONCE =
            new DunningScheduled(C, I, DunningStep.REMINDER_1, TODAY.minusDays(37));
    private static final InvoiceDisputed DISPUTED = new InvoiceDisputed(C, I, "damaged", "sales1");
    private static final CollectionHandoverApproved CREDIT_APPROVED =
            new CollectionHandoverApproved(C, I, "Incasso Noord", null, "CREDIT", "credit1");

    private FixtureConfiguration<CustomerAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static CreditDecision decision(String exposure, String overdue, int days) {
        return new CreditDecision(eur("10000"), eur("0"), eur(exposure), eur("100"), eur(overdue), days, false, false,
                "v1");
    }

    private static ApproveCollectionHandover approval(String actor, String... roles) {
        return new ApproveCollectionHandover(C, I, "Incasso Noord", null, actor, Set.of(roles));
    }

    // ---- disputes --------------------------------------------------------------------------------

    @Test
    void aDisputedInvoiceDoesNotCountForTheOverdueRule() {
        fixture.given(OPENED, LIMIT, OVERDUE, DISPUTED)
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(new OrderAccepted(C, "O-1", eur("100"), "EUR", null, decision("1000", "1000", 0), "erp"));
    }

    @Test
    void withoutTheDisputeTheSameOrderIsBlocked() {
        fixture.given(OPENED, LIMIT, OVERDUE)
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("100"), "EUR", null,
                        List.of(BlockReason.OVERDUE_INVOICES), decision("1000", "1000", 40), "erp"));
    }

    @Test
    void anInvoiceIsDisputedOnce() {
        fixture.given(OPENED, OVERDUE, DISPUTED)
                .when(new DisputeInvoice(C, I, "again", "credit1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aCreditNoteLowersTheBalance() {
        fixture.givenCurrentTime(NOW).andGiven(OPENED, OVERDUE, DISPUTED)
                .when(new ResolveDispute(C, I, DisputeOutcome.CREDITED, eur("400"), "two pallets", "credit1"))
                .expectEvents(new DisputeResolved(C, I, DisputeOutcome.CREDITED, eur("400"), eur("600"), "two pallets",
                        "credit1"), new DunningResumed(C, I, 0, "dispute credited"), REMINDER_1_AT_ONCE)
                .expectResultMessagePayload(eur("600"));
    }

    @Test
    void aCreditNoteCannotExceedTheBalance() {
        fixture.given(OPENED, OVERDUE, DISPUTED)
                .when(new ResolveDispute(C, I, DisputeOutcome.CREDITED, eur("1000.01"), "too much", "credit1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aRejectedDisputeKeepsTheBalanceAndCarriesNoCreditNote() {
        fixture.given(OPENED, OVERDUE, DISPUTED)
                .when(new ResolveDispute(C, I, DisputeOutcome.REJECTED, eur("10"), "no", "credit1"))
                .expectNoEvents()
                .expectException(Refusal.InvalidInput.class);
        fixture.givenCurrentTime(NOW).andGiven(OPENED, OVERDUE, DISPUTED)
                .when(new ResolveDispute(C, I, DisputeOutcome.REJECTED, null, "delivered as ordered", "credit1"))
                .expectEvents(new DisputeResolved(C, I, DisputeOutcome.REJECTED, null, eur("1000"),
                        "delivered as ordered", "credit1"), new DunningResumed(C, I, 0, "dispute rejected"),
                        REMINDER_1_AT_ONCE);
    }

    @Test
    void onlyAnOpenDisputeIsResolved() {
        fixture.given(OPENED, OVERDUE)
                .when(new ResolveDispute(C, I, DisputeOutcome.REJECTED, null, "no", "credit1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    // ---- promises --------------------------------------------------------------------------------

    @Test
    void aPromisePausesUntilTwoDaysAfterItsDate() {
        fixture.given(OPENED, OVERDUE)
                .when(new PromisePayment(C, I, TODAY.plusDays(5), eur("500"), "sales1"))
                .expectEvents(new PaymentPromised(C, I, TODAY.plusDays(5), eur("500"), TODAY.plusDays(7), "sales1"),
                        new DunningScheduled(C, I, DunningStep.REMINDER_1, TODAY.plusDays(8)))
                .expectResultMessagePayload(TODAY.plusDays(7));
    }

    @Test
    void aPromiseLiesInTheFutureAndWithinTheBalance() {
        fixture.given(OPENED, OVERDUE)
                .when(new PromisePayment(C, I, TODAY.minusDays(1), eur("500"), "sales1"))
                .expectException(Refusal.InvalidInput.class);
        fixture.given(OPENED, OVERDUE)
                .when(new PromisePayment(C, I, TODAY.plusDays(3), eur("1000.01"), "sales1"))
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aValidPromiseIsNotReplaced() {
        fixture.given(OPENED, OVERDUE, new PaymentPromised(C, I, TODAY, eur("500"), TODAY.plusDays(2), "sales1"))
                .when(new PromisePayment(C, I, TODAY.plusDays(9), eur("100"), "credit1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aPromiseIsKeptWhenItsAmountIsPaidInTime() {
        List<Allocation> allocations = List.of(new Allocation(I, eur("500")));
        fixture.givenCurrentTime(NOW)
                .andGiven(OPENED, OVERDUE, new PaymentPromised(C, I, TODAY, eur("500"), TODAY.plusDays(2), "sales1"))
                .when(new RegisterPayment(C, "P-1", eur("500"), "EUR", TODAY, I, "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("500"), "EUR", TODAY, I, allocations, eur("0"), "erp"),
                        new PaymentPromiseKept(C, I, TODAY, eur("500")),
                        new DunningResumed(C, I, 0, "promise kept, a balance remains"), REMINDER_1_AT_ONCE);
    }

    @Test
    void aPartPaymentDoesNotKeepThePromise() {
        List<Allocation> allocations = List.of(new Allocation(I, eur("200")));
        fixture.given(OPENED, OVERDUE, new PaymentPromised(C, I, TODAY, eur("500"), TODAY.plusDays(2), "sales1"))
                .when(new RegisterPayment(C, "P-1", eur("200"), "EUR", TODAY, I, "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("200"), "EUR", TODAY, I, allocations, eur("0"),
                        "erp"));
    }

    // ---- collection hand-over --------------------------------------------------------------------

    @Test
    void theFirstApprovalWaitsForTheOtherSide() {
        fixture.given(OPENED, OVERDUE)
                .when(approval("credit1", "CREDIT"))
                .expectEvents(CREDIT_APPROVED)
                .expectResultMessagePayload(new HandoverAnswer(HandoverStatus.AWAITING_SECOND_APPROVAL));
    }

    @Test
    void theSecondApprovalBySalesHandsOverAndPutsTheAccountOnHold() {
        fixture.given(OPENED, OVERDUE, CREDIT_APPROVED)
                .when(approval("sales1", "SALES"))
                .expectEvents(new CollectionHandoverApproved(C, I, "Incasso Noord", null, "SALES", "sales1"),
                        new InvoiceHandedOver(C, I, "Incasso Noord", List.of("credit1", "sales1"),
                                new HandoverNotice("Bakkerij Peeters", TODAY.minusDays(40), eur("1000"), "EUR", 40,
                                        new Message(Language.nl, "boekhouding@peeters.example",
                                                "Overdracht ter invordering: factuur I-1", "Geachte Bakkerij Peeters,"
                                                + "\n\nOndanks onze herinneringen en ingebrekestelling is factuur I-1 "
                                                + "(EUR 1000.00), vervallen op " + TODAY.minusDays(40) + ", niet "
                                                + "betaald. Wij hebben de invordering van deze vordering daarom "
                                                + "overgedragen aan Incasso Noord. Gelieve vanaf nu met hen contact op "
                                                + "te nemen; betalingen aan ons blijven bevrijdend.\n\nHoogachtend,"))),
                        new AccountPutOnHold(C, "collection hand-over of invoice I-1", "sales1"))
                .expectResultMessagePayload(new HandoverAnswer(HandoverStatus.HANDED_OVER));
    }

    @Test
    void theSamePersonCannotApproveTwiceEvenWithBothRoles() {
        fixture.given(OPENED, OVERDUE, new CollectionHandoverApproved(C, I, "Incasso Noord", null, "CREDIT", "lead1"))
                .when(approval("lead1", "SALES", "CREDIT"))
                .expectNoEvents()
                .expectException(Refusal.FourEyes.class);
    }

    @Test
    void twoCreditApprovalsAreNotEnough() {
        fixture.given(OPENED, OVERDUE, CREDIT_APPROVED)
                .when(approval("credit2", "CREDIT"))
                .expectNoEvents()
                .expectException(Refusal.FourEyes.class);
    }

    @Test
    void aDisputedInvoiceIsNotHandedOver() {
        fixture.given(OPENED, OVERDUE, DISPUTED)
                .when(approval("credit1", "CREDIT"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void aHandedOverInvoiceIsNoLongerFollowedUp() {
        fixture.given(OPENED, OVERDUE, CREDIT_APPROVED,
                        new CollectionHandoverApproved(C, I, "Incasso Noord", null, "SALES", "sales1"),
                        new InvoiceHandedOver(C, I, "Incasso Noord", List.of("credit1", "sales1")))
                .when(new DisputeInvoice(C, I, "late", "sales1"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        fixture.given(OPENED)
                .when(new DisputeInvoice(C, "I-9", "?", "sales1"))
                .expectException(Refusal.NotFound.class);
    }
}
