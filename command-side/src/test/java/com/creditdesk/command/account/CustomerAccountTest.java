package com.creditdesk.command.account;

import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.account.AccountCommands.LimitAnswer;
import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.PutOnHold;
import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.account.CreditLimits;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.InvoiceCommands.InvoiceIssuance;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.PaymentRegistration;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.refusal.Refusal;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

/** The account's rules, one test per rule, given/when/then. */
class CustomerAccountTest {

    private FixtureConfiguration<CustomerAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = AccountFixtures.fixture();
    }

    private static CreditLimitSet analystLimit(String amount, String before) {
        return new CreditLimitSet(C, eur(amount), LimitSource.ANALYST, "annual review", null, eur(before), eur(amount),
                "credit1");
    }

    private static CreditDecision decision(String limit, String securities, String exposure, String amount,
                                           String overdue, int days, boolean onHold) {
        return new CreditDecision(eur(limit), eur(securities), eur(exposure), eur(amount), eur(overdue), days, false,
                onHold, "v1");
    }

    private static OrderAccepted accepted(String orderId, String amount, CreditDecision decision) {
        return new OrderAccepted(C, orderId, eur(amount), "EUR", null, decision, "erp");
    }

    // ---- opening -----------------------------------------------------------------------------

    @Test
    void openingAnAccountRecordsItWithTheSegmentsTerms() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(C, "Bakkerij Peeters", Segment.SMB, "EUR", "sales1", Language.nl, "erp",
                        "boekhouding@peeters.example"))
                .expectEvents(OPENED)
                .expectResultMessagePayload(C);
    }

    @Test
    void openingTheSameAccountAgainRecordsNothing() {
        fixture.given(OPENED)
                .when(new OpenAccount(C, "Bakkerij Peeters", Segment.SMB, "EUR", "sales1", Language.nl, "erp",
                        "boekhouding@peeters.example"))
                .expectNoEvents()
                .expectResultMessagePayload(C);
    }

    @Test
    void openingAnExistingAccountWithOtherContentConflicts() {
        fixture.given(OPENED)
                .when(new OpenAccount(C, "Other name", Segment.SMB, "EUR", "sales1", Language.nl, "erp",
                        "boekhouding@peeters.example"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    // ---- limits --------------------------------------------------------------------------------

    @Test
    void effectiveLimitIsTheLowerOfAnalystAndInsurerLimit() {
        fixture.given(OPENED, analystLimit("10000", "0"))
                .when(new SetCreditLimit(C, eur("6000"), LimitSource.INSURER, "insurer feed", null, "erp"))
                .expectEvents(new CreditLimitSet(C, eur("6000"), LimitSource.INSURER, "insurer feed", null,
                        eur("10000"), eur("6000"), "erp"))
                .expectResultMessagePayload(new LimitAnswer(eur("6000"), eur("6000")));
    }

    @Test
    void withOnlyOneSourceThatLimitIsEffective() {
        assertThat(CreditLimits.effective(null, eur("5000"))).isEqualByComparingTo("5000");
        assertThat(CreditLimits.effective(eur("7000"), null)).isEqualByComparingTo("7000");
        assertThat(CreditLimits.effective(null, null)).isEqualByComparingTo("0");
    }

    @Test
    void loweredLimitBelowExposureEmitsLimitExceeded() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "8000", decision("10000", "0", "0", "8000", "0", 0, false)))
                .when(new SetCreditLimit(C, eur("5000"), LimitSource.ANALYST, "risk up", null, "credit1"))
                .expectEvents(new CreditLimitSet(C, eur("5000"), LimitSource.ANALYST, "risk up", null, eur("10000"),
                                eur("5000"), "credit1"),
                        new LimitExceeded(C, null, eur("5000"), eur("0"), eur("8000"), eur("0"), eur("3000"),
                                "credit1"));
    }

    @Test
    void loweredLimitThatStillCoversExposureEmitsNoLimitExceeded() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "4000", decision("10000", "0", "0", "4000", "0", 0, false)))
                .when(new SetCreditLimit(C, eur("5000"), LimitSource.ANALYST, "risk up", null, "credit1"))
                .expectEvents(new CreditLimitSet(C, eur("5000"), LimitSource.ANALYST, "risk up", null, eur("10000"),
                        eur("5000"), "credit1"));
    }

    // ---- the credit check ----------------------------------------------------------------------

    @Test
    void orderWithinAvailableCreditIsAccepted() {
        CreditDecision expected = decision("10000", "0", "0", "4000", "0", 0, false);
        fixture.given(OPENED, analystLimit("10000", "0"))
                .when(new PlaceOrder(C, "O-1", eur("4000"), "EUR", "bread ovens", "erp"))
                .expectEvents(new OrderAccepted(C, "O-1", eur("4000"), "EUR", "bread ovens", expected, "erp"))
                .expectResultMessagePayload(new OrderPlacement("O-1", OrderStatus.ACCEPTED, List.of(), expected));
    }

    @Test
    void orderExactlyUsingTheLastCreditIsAccepted() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "6000", decision("10000", "0", "0", "6000", "0", 0, false)))
                .when(new PlaceOrder(C, "O-2", eur("4000"), "EUR", null, "erp"))
                .expectEvents(accepted("O-2", "4000", decision("10000", "0", "6000", "4000", "0", 0, false)));
    }

    @Test
    void orderAboveAvailableCreditIsBlockedWithLimitExceeded() {
        CreditDecision expected = decision("10000", "0", "6000", "4000.01", "0", 0, false);
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "6000", decision("10000", "0", "0", "6000", "0", 0, false)))
                .when(new PlaceOrder(C, "O-2", eur("4000.01"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-2", eur("4000.01"), "EUR", null,
                                List.of(BlockReason.LIMIT_EXCEEDED), expected, "erp"),
                        new LimitExceeded(C, "O-2", eur("10000"), eur("0"), eur("6000"), eur("4000.01"), eur("0.01"),
                                "erp"))
                .expectResultMessagePayload(new OrderPlacement("O-2", OrderStatus.BLOCKED,
                        List.of(BlockReason.LIMIT_EXCEEDED), expected));
    }

    @Test
    void blockedOrdersDoNotCountInExposure() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        new OrderBlocked(C, "O-1", eur("12000"), "EUR", null, List.of(BlockReason.LIMIT_EXCEEDED),
                                decision("10000", "0", "0", "12000", "0", 0, false), "erp"))
                .when(new PlaceOrder(C, "O-2", eur("9000"), "EUR", null, "erp"))
                .expectEvents(accepted("O-2", "9000", decision("10000", "0", "0", "9000", "0", 0, false)));
    }

    @Test
    void activeSecuritiesAddHeadroom() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        new SecurityRegistered(C, "G-1", SecurityType.BANK_GUARANTEE, eur("5000"),
                                LocalDate.of(2026, 3, 1), "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("15000"), "EUR", null, "erp"))
                .expectEvents(accepted("O-1", "15000", decision("10000", "5000", "0", "15000", "0", 0, false)));
    }

    @Test
    void expiredSecuritiesAddNoHeadroom() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        new SecurityRegistered(C, "G-1", SecurityType.BANK_GUARANTEE, eur("5000"),
                                LocalDate.of(2026, 2, 28), "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("15000"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("15000"), "EUR", null, List.of(BlockReason.LIMIT_EXCEEDED),
                                decision("10000", "0", "0", "15000", "0", 0, false), "erp"),
                        new LimitExceeded(C, "O-1", eur("10000"), eur("0"), eur("0"), eur("15000"), eur("5000"), "erp"));
    }

    @Test
    void orderOnAnAccountOnHoldIsBlockedWithAccountOnHold() {
        CreditDecision expected = decision("10000", "0", "0", "100", "0", 0, true);
        fixture.given(OPENED, analystLimit("10000", "0"), new AccountPutOnHold(C, "bankruptcy rumours", "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("100"), "EUR", null, List.of(BlockReason.ACCOUNT_ON_HOLD),
                        expected, "erp"));
    }

    @Test
    void everyReasonThatAppliesIsListed() {
        CreditDecision expected = decision("1000", "0", "0", "2000", "0", 0, true);
        fixture.given(OPENED, analystLimit("1000", "0"), new AccountPutOnHold(C, "hold", "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("2000"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("2000"), "EUR", null,
                                List.of(BlockReason.ACCOUNT_ON_HOLD, BlockReason.LIMIT_EXCEEDED), expected, "erp"),
                        new LimitExceeded(C, "O-1", eur("1000"), eur("0"), eur("0"), eur("2000"), eur("1000"), "erp"));
    }

    @Test
    void anInvoiceMoreThan30DaysPastDueBlocksWithOverdueInvoices() {
        // due 2026-01-29: on 2026-03-01 it is 31 days past due
        CreditDecision expected = decision("100000", "0", "100", "100", "100", 31, false);
        fixture.given(OPENED, analystLimit("100000", "0"),
                        new InvoiceIssued(C, "I-1", null, eur("100"), "EUR", LocalDate.of(2025, 12, 30),
                                LocalDate.of(2026, 1, 29), 30, "erp"))
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("100"), "EUR", null,
                        List.of(BlockReason.OVERDUE_INVOICES), expected, "erp"));
    }

    @Test
    void anInvoice30DaysPastDueWithASmallBalanceDoesNotBlock() {
        CreditDecision expected = decision("100000", "0", "100", "100", "100", 30, false);
        fixture.given(OPENED, analystLimit("100000", "0"),
                        new InvoiceIssued(C, "I-1", null, eur("100"), "EUR", LocalDate.of(2025, 12, 31),
                                LocalDate.of(2026, 1, 30), 30, "erp"))
                .when(new PlaceOrder(C, "O-1", eur("100"), "EUR", null, "erp"))
                .expectEvents(accepted("O-1", "100", expected));
    }

    @Test
    void anOverdueBalanceAboveAFifthOfTheLimitBlocksWithOverdueInvoices() {
        CreditDecision expected = decision("10000", "0", "2000.01", "10", "2000.01", 1, false);
        fixture.given(OPENED, analystLimit("10000", "0"),
                        new InvoiceIssued(C, "I-1", null, eur("2000.01"), "EUR", LocalDate.of(2026, 1, 28),
                                LocalDate.of(2026, 2, 28), null, "erp"))
                .when(new PlaceOrder(C, "O-1", eur("10"), "EUR", null, "erp"))
                .expectEvents(new OrderBlocked(C, "O-1", eur("10"), "EUR", null,
                        List.of(BlockReason.OVERDUE_INVOICES), expected, "erp"));
    }

    // ---- idempotency ---------------------------------------------------------------------------

    @Test
    void theSameOrderSentAgainRecordsNothingAndGetsTheSameAnswer() {
        CreditDecision first = decision("10000", "0", "0", "4000", "0", 0, false);
        fixture.given(OPENED, analystLimit("10000", "0"), accepted("O-1", "4000", first),
                        new AccountPutOnHold(C, "later hold", "credit1"))
                .when(new PlaceOrder(C, "O-1", eur("4000.00"), "EUR", null, "erp"))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderPlacement("O-1", OrderStatus.ACCEPTED, List.of(), first));
    }

    @Test
    void anOrderIdUsedAgainWithOtherContentConflicts() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "4000", decision("10000", "0", "0", "4000", "0", 0, false)))
                .when(new PlaceOrder(C, "O-1", eur("4001"), "EUR", null, "erp"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    @Test
    void anOrderInAnotherCurrencyIsRefused() {
        fixture.given(OPENED, analystLimit("10000", "0"))
                .when(new PlaceOrder(C, "O-1", eur("100"), "USD", null, "erp"))
                .expectNoEvents()
                .expectException(Refusal.InvalidInput.class);
    }

    @Test
    void aSecurityRegisteredAgainRecordsNothing() {
        fixture.given(OPENED, new SecurityRegistered(C, "G-1", SecurityType.PREPAYMENT, eur("500"), null, "credit1"))
                .when(new RegisterSecurity(C, "G-1", SecurityType.PREPAYMENT, eur("500.00"), null, "credit1"))
                .expectNoEvents();
    }

    @Test
    void puttingAnAccountOnHoldTwiceRecordsItOnce() {
        fixture.given(OPENED, new AccountPutOnHold(C, "hold", "credit1"))
                .when(new PutOnHold(C, "again", "credit1"))
                .expectNoEvents();
    }

    // ---- cancellation --------------------------------------------------------------------------

    @Test
    void aBlockedOrderCanBeCancelled() {
        CreditDecision blocked = decision("0", "0", "0", "100", "0", 0, false);
        fixture.given(OPENED, new OrderBlocked(C, "O-1", eur("100"), "EUR", null, List.of(BlockReason.LIMIT_EXCEEDED),
                        blocked, "erp"))
                .when(new CancelOrder(C, "O-1", "customer withdrew", "erp"))
                .expectEvents(new OrderCancelled(C, "O-1", eur("100"), OrderStatus.BLOCKED, "customer withdrew", "erp"));
    }

    @Test
    void cancellingAnUnknownOrderIsRefused() {
        fixture.given(OPENED)
                .when(new CancelOrder(C, "O-404", "?", "erp"))
                .expectNoEvents()
                .expectException(Refusal.NotFound.class);
    }

    @Test
    void anInvoicedOrderCannotBeCancelled() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "4000", decision("10000", "0", "0", "4000", "0", 0, false)),
                        new InvoiceIssued(C, "I-1", "O-1", eur("4000"), "EUR", TODAY, TODAY.plusDays(30), 30, "erp"))
                .when(new CancelOrder(C, "O-1", "too late", "erp"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    // ---- invoices ------------------------------------------------------------------------------

    @Test
    void anInvoiceWithoutDueDateIsDueAfterTheSegmentsTerms() {
        fixture.given(OPENED)
                .when(new IssueInvoice(C, "I-1", null, eur("500"), "EUR", TODAY, null, "erp"))
                .expectEvents(new InvoiceIssued(C, "I-1", null, eur("500"), "EUR", TODAY, TODAY.plusDays(30), 30, "erp"),
                        new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, TODAY.plusDays(33)),
                        new CourtesyCallScheduled(C, "I-1", TODAY.plusDays(27), List.of(CourtesyReason.NEW_CUSTOMER)))
                .expectResultMessagePayload(new InvoiceIssuance("I-1", TODAY.plusDays(30)));
    }

    @Test
    void anExplicitDueDateIsKept() {
        LocalDate due = TODAY.plusDays(10);
        fixture.given(OPENED)
                .when(new IssueInvoice(C, "I-1", null, eur("500"), "EUR", TODAY, due, "erp"))
                .expectEvents(new InvoiceIssued(C, "I-1", null, eur("500"), "EUR", TODAY, due, null, "erp"),
                        new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, due.plusDays(3)),
                        new CourtesyCallScheduled(C, "I-1", due.minusDays(3), List.of(CourtesyReason.NEW_CUSTOMER)));
    }

    @Test
    void anInvoicedOrderLeavesOpenExposureAndTheInvoiceBalanceTakesItsPlace() {
        fixture.given(OPENED, analystLimit("10000", "0"),
                        accepted("O-1", "4000", decision("10000", "0", "0", "4000", "0", 0, false)),
                        new InvoiceIssued(C, "I-1", "O-1", eur("3500"), "EUR", TODAY, TODAY.plusDays(30), 30, "erp"))
                .when(new PlaceOrder(C, "O-2", eur("100"), "EUR", null, "erp"))
                .expectEvents(accepted("O-2", "100", decision("10000", "0", "3500", "100", "0", 0, false)));
    }

    @Test
    void aBlockedOrderCannotBeInvoiced() {
        fixture.given(OPENED, new OrderBlocked(C, "O-1", eur("100"), "EUR", null, List.of(BlockReason.LIMIT_EXCEEDED),
                        decision("0", "0", "0", "100", "0", 0, false), "erp"))
                .when(new IssueInvoice(C, "I-1", "O-1", eur("100"), "EUR", TODAY, null, "erp"))
                .expectNoEvents()
                .expectException(Refusal.Violated.class);
    }

    // ---- payments ------------------------------------------------------------------------------

    private static InvoiceIssued invoice(String id, String amount, LocalDate due) {
        return new InvoiceIssued(C, id, null, eur(amount), "EUR", due.minusDays(30), due, 30, "erp");
    }

    @Test
    void aPaymentNamingAnInvoiceSettlesThatInvoice() {
        fixture.given(OPENED, invoice("I-1", "100", TODAY), invoice("I-2", "200", TODAY.plusDays(5)))
                .when(new RegisterPayment(C, "P-1", eur("150"), "EUR", TODAY, "I-2", "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("150"), "EUR", TODAY, "I-2",
                        List.of(new Allocation("I-2", eur("150"))), eur("0"), "erp"));
    }

    @Test
    void aPaymentWithoutInvoiceSettlesTheOldestOpenInvoicesFirst() {
        fixture.given(OPENED, invoice("I-2", "200", TODAY.plusDays(5)), invoice("I-1", "100", TODAY))
                .when(new RegisterPayment(C, "P-1", eur("150"), "EUR", TODAY, null, "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("150"), "EUR", TODAY, null,
                        List.of(new Allocation("I-1", eur("100")), new Allocation("I-2", eur("50"))), eur("0"), "erp"))
                .expectResultMessagePayload(new PaymentRegistration("P-1",
                        List.of(new Allocation("I-1", eur("100")), new Allocation("I-2", eur("50"))), eur("0")));
    }

    @Test
    void morethanIsOwedBecomesUnappliedCredit() {
        fixture.given(OPENED, invoice("I-1", "100", TODAY))
                .when(new RegisterPayment(C, "P-1", eur("130"), "EUR", TODAY, null, "erp"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("130"), "EUR", TODAY, null,
                        List.of(new Allocation("I-1", eur("100"))), eur("30"), "erp"));
    }

    @Test
    void aPaymentRestoresAvailableCredit() {
        fixture.given(OPENED, analystLimit("1000", "0"), invoice("I-1", "1000", TODAY.plusDays(10)),
                        new PaymentRegistered(C, "P-1", eur("400"), "EUR", TODAY, null,
                                List.of(new Allocation("I-1", eur("400"))), eur("0"), "erp"))
                .when(new PlaceOrder(C, "O-1", eur("400"), "EUR", null, "erp"))
                .expectEvents(accepted("O-1", "400", decision("1000", "0", "600", "400", "0", 0, false)));
    }

    @Test
    void theSamePaymentSentAgainRecordsNothingAndGetsTheSameAnswer() {
        fixture.given(OPENED, invoice("I-1", "100", TODAY),
                        new PaymentRegistered(C, "P-1", eur("100"), "EUR", TODAY, null,
                                List.of(new Allocation("I-1", eur("100"))), eur("0"), "erp"))
                .when(new RegisterPayment(C, "P-1", eur("100"), "EUR", TODAY, null, "erp"))
                .expectNoEvents()
                .expectResultMessagePayload(new PaymentRegistration("P-1", List.of(new Allocation("I-1", eur("100"))),
                        eur("0")));
    }

    @Test
    void aPaymentNamingAnUnknownInvoiceIsRefused() {
        fixture.given(OPENED)
                .when(new RegisterPayment(C, "P-1", eur("100"), "EUR", TODAY, "I-404", "erp"))
                .expectNoEvents()
                .expectException(Refusal.NotFound.class);
    }
}
