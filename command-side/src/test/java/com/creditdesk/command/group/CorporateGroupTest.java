package com.creditdesk.command.group;

import com.creditdesk.api.group.GroupCommands.AddGroupMember;
import com.creditdesk.api.group.GroupCommands.RecordMemberExposure;
import com.creditdesk.api.group.GroupCommands.ReleaseGroupCredit;
import com.creditdesk.api.group.GroupCommands.ReserveGroupCredit;
import com.creditdesk.api.group.GroupCommands.SetGroupLimit;
import com.creditdesk.api.group.GroupCredit;
import com.creditdesk.api.group.GroupEvents.GroupCreditReleased;
import com.creditdesk.api.group.GroupEvents.GroupCreditReserved;
import com.creditdesk.api.group.GroupEvents.GroupLimitExceeded;
import com.creditdesk.api.group.GroupEvents.GroupLimitSet;
import com.creditdesk.api.group.GroupEvents.GroupMemberAdded;
import com.creditdesk.api.group.GroupEvents.MemberExposureRecorded;
import com.creditdesk.command.refusal.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** The group's headroom: reserved for members' orders one after the other, ended when the member counts them. */
class CorporateGroupTest {
    private static final String G = "G-1";
    private static final String ID = "group:" + G;
    private static final GroupLimitSet FORMED =
            new GroupLimitSet(G, "Peeters Groep", eur("10000"), "EUR", null, "group accounts read", "credit1");
    private static final GroupMemberAdded HEAD_OFFICE = new GroupMemberAdded(G, "C-1", "credit1");
    private static final GroupMemberAdded SUBSIDIARY = new GroupMemberAdded(G, "C-2", "credit1");
    private static final MemberExposureRecorded HEAD_OFFICE_OWES =
            new MemberExposureRecorded(G, "C-1", eur("6000"), 5, null);
    private static final MemberExposureRecorded SUBSIDIARY_OWES =
            new MemberExposureRecorded(G, "C-2", eur("1000"), 3, null);

    private FixtureConfiguration<CorporateGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CorporateGroup.class);
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void formingTheGroupAndSettingTheSameLimitAgainRecordsItOnce() {
        fixture.givenNoPriorActivity()
                .when(new SetGroupLimit(G, "Peeters Groep", eur("10000"), "EUR", "group accounts read", "credit1"))
                .expectEvents(FORMED)
                .expectResultMessagePayload(new GroupCredit(G, eur("10000"), BigDecimal.ZERO, false));
        fixture.given(FORMED)
                .when(new SetGroupLimit(G, "Peeters Groep", eur("10000.00"), "EUR", "again", "credit1"))
                .expectNoEvents();
    }

    @Test
    void anOrderThatFitsTheGroupsHeadroomIsReservedWithTheGroupsFigures() {
        fixture.given(FORMED, HEAD_OFFICE, SUBSIDIARY, HEAD_OFFICE_OWES, SUBSIDIARY_OWES)
                .when(new ReserveGroupCredit(G, "C-2", "O-1", eur("3000"), eur("1000"), 3, List.of()))
                .expectEvents(new GroupCreditReserved(G, "C-2", "O-1", eur("3000"), eur("7000"), eur("10000")))
                .expectResultMessagePayload(new GroupCredit(G, eur("10000"), eur("7000"), true));
    }

    @Test
    void roomReservedForOneMembersOrderIsNotGivenToAnothers() {
        fixture.given(FORMED, HEAD_OFFICE, SUBSIDIARY, HEAD_OFFICE_OWES, SUBSIDIARY_OWES,
                        new GroupCreditReserved(G, "C-2", "O-1", eur("3000"), eur("7000"), eur("10000")))
                .when(new ReserveGroupCredit(G, "C-1", "O-2", eur("0.01"), eur("6000"), 5, List.of()))
                .expectEvents(new GroupLimitExceeded(G, "C-1", "O-2", eur("0.01"), eur("10000"), eur("10000")))
                .expectResultMessagePayload(new GroupCredit(G, eur("10000"), eur("10000"), false));
    }

    @Test
    void theMembersNewerExposureCountsBeforeItsOrderIsChecked() {
        fixture.given(FORMED, HEAD_OFFICE, SUBSIDIARY, HEAD_OFFICE_OWES, SUBSIDIARY_OWES)
                // it was paid meanwhile
                .when(new ReserveGroupCredit(G, "C-1", "O-3", eur("3000"), eur("1000"), 9, List.of()))
                .expectEvents(new MemberExposureRecorded(G, "C-1", eur("1000"), 9, null),
                        new GroupCreditReserved(G, "C-1", "O-3", eur("3000"), eur("2000"), eur("10000")));
    }

    @Test
    void theReservationEndsWhenTheMemberCountsTheOrderAndIsNotReservedAgain() {
        GroupCreditReserved reserved = new GroupCreditReserved(G, "C-2", "O-1", eur("3000"), eur("7000"), eur("10000"));
        MemberExposureRecorded counted = new MemberExposureRecorded(G, "C-2", eur("4000"), 4, "O-1");
        fixture.given(FORMED, HEAD_OFFICE, SUBSIDIARY, HEAD_OFFICE_OWES, SUBSIDIARY_OWES, reserved)
                .when(new RecordMemberExposure(G, "C-2", eur("4000"), 4, "O-1"))
                .expectEvents(counted);
        fixture.given(FORMED, HEAD_OFFICE, SUBSIDIARY, HEAD_OFFICE_OWES, SUBSIDIARY_OWES, reserved, counted)
                .when(new ReserveGroupCredit(G, "C-2", "O-1", eur("3000"), eur("4000"), 4, List.of()))
                .expectNoEvents()
                .expectResultMessagePayload(new GroupCredit(G, eur("10000"), eur("10000"), true));
    }

    /** Red before: the newer word counted O-1 and so did its reservation (9,000): room refused that exists. */
    @Test
    void aReservedOrderTheMembersExposureAlreadyCountsIsNotCountedTwice() {
        MemberExposureRecorded headOfficeOwes = new MemberExposureRecorded(G, "C-1", eur("2000"), 5, null);
        GroupCreditReserved reserved = new GroupCreditReserved(G, "C-2", "O-1", eur("3000"), eur("3000"), eur("10000"));
        fixture.given(FORMED, HEAD_OFFICE, SUBSIDIARY, headOfficeOwes, SUBSIDIARY_OWES, reserved)
                // O-1 was accepted (C-2 owes 4,000 now) before the account's report of it reached the group
                .when(new ReserveGroupCredit(G, "C-2", "O-2", eur("2000"), eur("4000"), 4, List.of("O-1")))
                .expectEvents(new MemberExposureRecorded(G, "C-2", eur("4000"), 4, null),
                        new MemberExposureRecorded(G, "C-2", eur("4000"), 4, "O-1"),
                        new GroupCreditReserved(G, "C-2", "O-2", eur("2000"), eur("6000"), eur("10000")))
                .expectResultMessagePayload(new GroupCredit(G, eur("10000"), eur("6000"), true));
    }

    @Test
    void anOlderReportChangesNothing() {
        fixture.given(FORMED, HEAD_OFFICE, HEAD_OFFICE_OWES)
                .when(new RecordMemberExposure(G, "C-1", eur("9000"), 4, null))
                .expectNoEvents();
    }

    @Test
    void roomForAnOrderNotAcceptedIsGivenBack() {
        fixture.given(FORMED, HEAD_OFFICE, HEAD_OFFICE_OWES,
                        new GroupCreditReserved(G, "C-1", "O-1", eur("3000"), eur("6000"), eur("10000")))
                .when(new ReleaseGroupCredit(G, "O-1"))
                .expectEvents(new GroupCreditReleased(G, "C-1", "O-1", eur("3000")));
    }

    @Test
    void whileAMemberIsJoiningTheCheckWaitsForItsExposure() {
        fixture.given(FORMED, HEAD_OFFICE, HEAD_OFFICE_OWES, SUBSIDIARY)
                .when(new ReserveGroupCredit(G, "C-1", "O-1", eur("100"), eur("6000"), 5, List.of()))
                .expectNoEvents()
                .expectException(GroupMemberJoining.class);
    }

    @Test
    void onlyMembersReserveAndAMemberIsAddedOnce() {
        fixture.given(FORMED, HEAD_OFFICE, HEAD_OFFICE_OWES)
                .when(new ReserveGroupCredit(G, "C-9", "O-1", eur("100"), eur("0"), 1, List.of()))
                .expectNoEvents()
                .expectException(Refusal.NotFound.class);
        fixture.given(FORMED, HEAD_OFFICE)
                .when(new AddGroupMember(G, "C-1", "credit1"))
                .expectNoEvents();
    }
}
