package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.ApplicationScreened;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.common.EventFamilies;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.account.AccountEvents.AccountJoinedGroup;
import com.creditdesk.api.account.AccountEvents.GroupExposureChanged;
import com.creditdesk.api.group.GroupEvents.GroupCreditReleased;
import com.creditdesk.api.statement.StatementEvents.BankLineAssigned;
import com.creditdesk.api.statement.StatementEvents.BankLineAwaitingAssignment;
import com.creditdesk.api.statement.StatementEvents.BankLineMatched;
import com.creditdesk.api.statement.StatementEvents.BankStatementImported;
import com.creditdesk.api.group.GroupEvents.GroupCreditReserved;
import com.creditdesk.api.group.GroupEvents.GroupLimitExceeded;
import com.creditdesk.api.group.GroupEvents.GroupLimitSet;
import com.creditdesk.api.group.GroupEvents.GroupMemberAdded;
import com.creditdesk.api.group.GroupEvents.GroupMemberRemoved;
import com.creditdesk.api.group.GroupEvents.MemberExposureRecorded;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallDue;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallMade;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.order.OrderEvents.BlockedOrderNowFits;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsRefused;
import com.creditdesk.query.account.AccountRecord.OpenInvoice;
import com.creditdesk.query.account.AccountRecord.OpenOrder;
import com.creditdesk.query.support.SampleEvents;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event of every family is either applied to the stored account or, by a decision written here, does not
 * touch it: a new event fails this test until one of the two is chosen.
 */
class AccountEvolutionTest {
    /** Events that change none of the account's facts (limits, hold, review, terms, open orders and invoices). */
    private static final Set<Class<?>> UNTOUCHED = Set.of(
            AccountOpened.class, // it creates the account instead: AccountEvolution.opened
            LimitExceeded.class, OrderBlocked.class, ReleaseRequested.class, OrderRejected.class,
            BlockedOrderNowFits.class, SalesSignalReported.class, PaymentTermsRefused.class, InvoiceDisputed.class,
            PaymentPromised.class, PaymentPromiseKept.class, CollectionHandoverApproved.class, InvoiceHandedOver.class,
            DunningScheduled.class, DunningStepReached.class, DunningResumed.class, PaymentPromiseBroken.class,
            CourtesyCallScheduled.class, CourtesyCallDue.class, CourtesyCallMade.class,
            // a group counts its members' exposure; the account's own figures stay as they are
            AccountJoinedGroup.class, GroupExposureChanged.class, GroupLimitSet.class, GroupMemberAdded.class,
            GroupMemberRemoved.class, GroupCreditReserved.class, GroupLimitExceeded.class, GroupCreditReleased.class,
            MemberExposureRecorded.class,
            // a credit application is an aggregate of its own; its approval opens the account with AccountOpened
            CreditApplicationFiled.class, ApplicationScreened.class, ApplicationApprovalGiven.class,
            ApplicationApproved.class, ApplicationDeclined.class,
            // a bank statement is an aggregate of its own; its lines reach the account as PaymentRegistered
            BankStatementImported.class, BankLineMatched.class, BankLineAwaitingAssignment.class,
            BankLineAssigned.class);

    @Test
    void everyEventIsAppliedOrDeclaredNotToTouchTheAccount() {
        AccountRecord open = AccountRecord.opened("x", 0, "Bakkerij", Segment.SMB, "EUR", "sales1", Language.nl)
                .withOpenOrders(list -> List.of(new OpenOrder("x", BigDecimal.TEN)))
                .withOpenInvoices(list -> List.of(new OpenInvoice("x", new BigDecimal("20"), LocalDate.of(2026, 3, 1))));
        AccountRecord heldUnderReview = open.withHold(true).withOpenReview(true);
        assertThat(EventFamilies.all()).allSatisfy(type -> {
            Object event = SampleEvents.of(type);
            boolean applied = !AccountEvolution.apply(open, event).equals(open)
                    || !AccountEvolution.apply(heldUnderReview, event).equals(heldUnderReview);
            assertThat(applied).as(type.getSimpleName() + (UNTOUCHED.contains(type)
                    ? " is declared not to touch the account, yet changes it"
                    : " changes nothing on the account: apply it in AccountEvolution or declare it untouched here"))
                    .isEqualTo(!UNTOUCHED.contains(type));
        });
    }
}
