package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.LiftHold;
import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.HoldLifted;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.SecurityType;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderEvents.BlockedOrderNowFits;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.api.order.RoomMade;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;

/**
 * A second look at blocked orders: when a payment, a credit note, a raised limit, a new security, a lifted hold
 * or a concluded review makes room, every blocked order the credit check would now pass is flagged with the new
 * inputs, once, and stays blocked until credit releases it.
 */
class SecondLookTest {
    private final FixtureConfiguration<CustomerAccount> fixture = AccountFixtures.fixture();

    private static final CreditLimitSet LIMIT = new CreditLimitSet(C, eur("10000"), LimitSource.ANALYST, "opening",
            null, eur("0"), eur("10000"), "credit1");
    private static final OrderAccepted FIRST = new OrderAccepted(C, "O-1", eur("8000"), "EUR", null,
            decision("0", "0", "8000", "0"), "erp");
    private static final InvoiceIssued INVOICED = new InvoiceIssued(C, "I-1", "O-1", eur("8000"), "EUR", TODAY,
            TODAY.plusDays(30), 30, "erp");
    private static final OrderBlocked BLOCKED = new OrderBlocked(C, "O-2", eur("5000"), "EUR", null,
            List.of(BlockReason.LIMIT_EXCEEDED), decision("0", "8000", "5000", "10000"), "erp");

    @Test
    void aPaymentThatMakesRoomFlagsTheBlockedOrderWithTheNewInputsOnce() {
        fixture.given(OPENED, LIMIT, FIRST, INVOICED, BLOCKED)
                .when(payment("P-1", "4000"))
                .expectEvents(paid("P-1", "4000"), new BlockedOrderNowFits(C, "O-2", eur("5000"),
                        decision("0", "4000", "5000", "10000"), RoomMade.PAYMENT, "P-1"));
        fixture.given(OPENED, LIMIT, FIRST, INVOICED, BLOCKED, paid("P-1", "4000"), nowFits("P-1"))
                .when(payment("P-2", "1000"))
                .expectEvents(paid("P-2", "1000"));
    }

    @Test
    void aPaymentThatLeavesTooLittleRoomFlagsNothing() {
        fixture.given(OPENED, LIMIT, FIRST, INVOICED, BLOCKED)
                .when(payment("P-1", "2999"))
                .expectEvents(paid("P-1", "2999"));
    }

    @Test
    void aRaisedLimitAndANewSecurityMakeRoomToo() {
        fixture.given(OPENED, LIMIT, FIRST, BLOCKED)
                .when(new SetCreditLimit(C, eur("14000"), LimitSource.ANALYST, "grows", null, "credit1"))
                .expectEvents(new CreditLimitSet(C, eur("14000"), LimitSource.ANALYST, "grows", null, eur("10000"),
                        eur("14000"), "credit1"), new BlockedOrderNowFits(C, "O-2", eur("5000"),
                        decision("0", "8000", "5000", "14000"), RoomMade.LIMIT_SET, null));
        fixture.given(OPENED, LIMIT, FIRST, BLOCKED)
                .when(new RegisterSecurity(C, "G-1", SecurityType.BANK_GUARANTEE, eur("3000"), null, "credit1"))
                .expectEvents(new SecurityRegistered(C, "G-1", SecurityType.BANK_GUARANTEE, eur("3000"), null,
                        "credit1"), new BlockedOrderNowFits(C, "O-2", eur("5000"),
                        decision("3000", "8000", "5000", "10000"), RoomMade.SECURITY, "G-1"));
    }

    @Test
    void aLiftedHoldFlagsTheOrdersTheHoldAloneBlocked() {
        OrderBlocked heldBack = new OrderBlocked(C, "O-3", eur("500"), "EUR", null, List.of(BlockReason.ACCOUNT_ON_HOLD),
                new CreditDecision(eur("10000"), BigDecimal.ZERO, eur("8000"), eur("500"), BigDecimal.ZERO, 0, false,
                        true, CreditPolicy.V1.version()), "erp");
        fixture.given(OPENED, LIMIT, FIRST, new AccountPutOnHold(C, "late payer", "credit1"), BLOCKED, heldBack)
                .when(new LiftHold(C, "paid up", "credit1"))
                .expectEvents(new HoldLifted(C, "paid up", "credit1"), new BlockedOrderNowFits(C, "O-3", eur("500"),
                        decision("0", "8000", "500", "10000"), RoomMade.HOLD_LIFTED, null));
    }

    @Test
    void aCreditNoteMakesRoomAndCreditReleasesTheFlaggedOrderInOneStep() {
        fixture.given(OPENED, LIMIT, FIRST, INVOICED, BLOCKED, new InvoiceDisputed(C, "I-1", "short", "sales1"))
                .when(new ResolveDispute(C, "I-1", DisputeOutcome.CREDITED, eur("3000"), "agreed", "credit1"))
                .expectEvents(new DisputeResolved(C, "I-1", DisputeOutcome.CREDITED, eur("3000"), eur("5000"),
                        "agreed", "credit1"), new DunningResumed(C, "I-1", 0, "dispute credited"),
                        new DunningScheduled(C, "I-1", DunningStep.REMINDER_1, TODAY.plusDays(30 + 3)),
                        new BlockedOrderNowFits(C, "O-2", eur("5000"),
                        decision("0", "5000", "5000", "10000"), RoomMade.CREDIT_NOTE, "I-1"));
        fixture.given(OPENED, LIMIT, FIRST, INVOICED, BLOCKED, paid("P-1", "4000"), nowFits("P-1"))
                .when(new DecideRelease(C, "O-2", ReleaseDecision.RELEASE, "fits now", null, "credit1"))
                .expectEvents(new OrderReleased(C, "O-2", eur("5000"), "fits now", null, null, "credit1"));
    }

    private static RegisterPayment payment(String paymentId, String amount) {
        return new RegisterPayment(C, paymentId, eur(amount), "EUR", TODAY, "I-1", "erp");
    }

    private static PaymentRegistered paid(String paymentId, String amount) {
        return new PaymentRegistered(C, paymentId, eur(amount), "EUR", TODAY, "I-1",
                List.of(new Allocation("I-1", eur(amount))), BigDecimal.ZERO, "erp");
    }

    private static BlockedOrderNowFits nowFits(String paymentId) {
        return new BlockedOrderNowFits(C, "O-2", eur("5000"), decision("0", "4000", "5000", "10000"),
                RoomMade.PAYMENT, paymentId);
    }

    private static CreditDecision decision(String securities, String exposure, String amount, String limit) {
        return new CreditDecision(eur(limit), eur(securities), eur(exposure), eur(amount), BigDecimal.ZERO, 0, false,
                false, CreditPolicy.V1.version());
    }
}
