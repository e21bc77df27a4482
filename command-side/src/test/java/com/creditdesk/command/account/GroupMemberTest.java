package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.JoinGroup;
import com.creditdesk.api.account.AccountCommands.MemberExposure;
import com.creditdesk.api.account.AccountEvents.AccountJoinedGroup;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.GroupExposureChanged;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.group.GroupCredit;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.refusal.Refusal;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.creditdesk.command.account.AccountFixtures.C;
import static com.creditdesk.command.account.AccountFixtures.OPENED;
import static com.creditdesk.command.account.AccountFixtures.TODAY;
import static com.creditdesk.command.account.AccountFixtures.eur;
import static com.creditdesk.command.account.AccountFixtures.fixture;

/** A member of a corporate group: its orders are checked with the group's answer, and it tells its group its exposure. */
class GroupMemberTest {
    private static final CreditLimitSet LIMIT = new CreditLimitSet(C, eur("10000"), LimitSource.ANALYST, "ok", null,
            eur("0"), eur("10000"), "credit1");
    private static final AccountJoinedGroup JOINED = new AccountJoinedGroup(C, "G-1", eur("0"), "credit1");

    @Test
    void joiningRecordsTheExposureOnceAndAnotherGroupIsRefused() {
        fixture().given(OPENED, LIMIT)
                .when(new JoinGroup(C, "G-1", "EUR", "credit1"))
                .expectEvents(JOINED)
                .expectResultMessagePayload(new MemberExposure(C, "G-1", eur("0"), 2, List.of()));
        fixture().given(OPENED, LIMIT, JOINED)
                .when(new JoinGroup(C, "G-1", "EUR", "credit1"))
                .expectNoEvents();
        fixture().given(OPENED, LIMIT, JOINED)
                .when(new JoinGroup(C, "G-2", "EUR", "credit1"))
                .expectNoEvents().expectException(Refusal.Violated.class);
        fixture().given(OPENED, LIMIT)
                .when(new JoinGroup(C, "G-3", "USD", "credit1"))
                .expectNoEvents().expectException(Refusal.Violated.class);
    }

    @Test
    void aMembersOrderWithoutTheGroupsAnswerIsAnsweredWithTheMembersExposureAndNothingRecorded() {
        fixture().given(OPENED, LIMIT, JOINED)
                .when(new PlaceOrder(C, "O-1", eur("500"), "EUR", null, "erp"))
                .expectNoEvents()
                .expectResultMessagePayload(new MemberExposure(C, "G-1", eur("0"), 2, List.of()));
    }

    @Test
    void anOrderWithRoomReservedIsAcceptedAndTheGroupToldItCountsIt() {
        GroupCredit room = new GroupCredit("G-1", eur("20000"), eur("12000"), true);
        CreditDecision decision = new CreditDecision(eur("10000"), eur("0"), eur("0"), eur("500"), eur("0"), 0, false,
                false, "v1", room);
        fixture().given(OPENED, LIMIT, JOINED)
                .when(new PlaceOrder(C, "O-1", eur("500"), "EUR", null, "erp", room))
                .expectEvents(new OrderAccepted(C, "O-1", eur("500"), "EUR", null, decision, "erp"),
                        new GroupExposureChanged(C, "G-1", eur("500"), "O-1"));
    }

    @Test
    void theMembersNextAnswerNamesTheReservedOrdersItCounts() {
        GroupCredit room = new GroupCredit("G-1", eur("20000"), eur("12000"), true);
        CreditDecision decision = new CreditDecision(eur("10000"), eur("0"), eur("0"), eur("500"), eur("0"), 0, false,
                false, "v1", room);
        fixture().given(OPENED, LIMIT, JOINED, new OrderAccepted(C, "O-1", eur("500"), "EUR", null, decision, "erp"),
                        new GroupExposureChanged(C, "G-1", eur("500"), "O-1"))
                .when(new PlaceOrder(C, "O-2", eur("700"), "EUR", null, "erp"))
                .expectNoEvents()
                .expectResultMessagePayload(new MemberExposure(C, "G-1", eur("500"), 4, List.of("O-1")));
    }

    @Test
    void anOrderTheGroupHasNoRoomForIsBlockedWithTheGroupsFigures() {
        GroupCredit full = new GroupCredit("G-1", eur("20000"), eur("19800"), false);
        CreditDecision decision = new CreditDecision(eur("10000"), eur("0"), eur("0"), eur("500"), eur("0"), 0, false,
                false, "v1", full);
        fixture().given(OPENED, LIMIT, JOINED)
                .when(new PlaceOrder(C, "O-1", eur("500"), "EUR", null, "erp", full))
                .expectEvents(new OrderBlocked(C, "O-1", eur("500"), "EUR", null,
                        List.of(BlockReason.GROUP_LIMIT_EXCEEDED), decision, "erp"));
    }

    @Test
    void aPaymentLowersTheExposureTheGroupCounts() {
        fixture().given(OPENED, LIMIT, JOINED, new InvoiceIssued(C, "I-1", null, eur("800"), "EUR", TODAY,
                        TODAY.plusDays(30), null, "erp"))
                .when(new RegisterPayment(C, "P-1", eur("300"), "EUR", TODAY, "I-1", "bank"))
                .expectEvents(new PaymentRegistered(C, "P-1", eur("300"), "EUR", TODAY, "I-1",
                                List.of(new Allocation("I-1", eur("300"))), eur("0"), "bank"),
                        new GroupExposureChanged(C, "G-1", eur("500"), null));
    }
}
