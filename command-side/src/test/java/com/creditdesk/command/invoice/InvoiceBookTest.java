package com.creditdesk.command.invoice;

import com.creditdesk.api.common.Roles;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.HandoverStatus;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invoice book on its own: issue, disputes, promises and the hand-over's four eyes across both sides. */
class InvoiceBookTest {
    private static final String C = "C-1";
    private static final LocalDate ISSUED = LocalDate.of(2026, 1, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    private final InvoiceBook book = new InvoiceBook();

    @Test
    void withoutADueDateTheTermsInForceSetIt() {
        book.evolve(book.issue(issue("I-1", null), 45), ISSUED);
        assertThat(book.issuance("I-1").dueDate()).isEqualTo(ISSUED.plusDays(45));
        assertThatThrownBy(() -> book.issue(issue("I-2", ISSUED.minusDays(1)), 30))
                .isInstanceOfSatisfying(Refusal.InvalidInput.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("dueDate"));
    }

    @Test
    void aCreditNoteLowersTheBalanceButNeverBelowZero() {
        issued("I-1");
        book.evolve(book.dispute(new DisputeInvoice(C, "I-1", "short delivery", "sales1")), TODAY);
        assertThatThrownBy(() -> book.dispute(new DisputeInvoice(C, "I-1", "again", "credit1")))
                .isInstanceOfSatisfying(Refusal.Violated.class,
                        refusal -> assertThat(refusal.rule()).isEqualTo(Rule.ALREADY_DISPUTED));
        assertThatThrownBy(() -> book.resolve(credited("1000.01"))).isInstanceOfSatisfying(Refusal.Violated.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(Rule.CREDIT_NOTE_EXCEEDS_BALANCE));

        DisputeResolved resolved = book.resolve(credited("250"));
        assertThat(resolved.balance()).isEqualByComparingTo("750");
        book.evolve(resolved, TODAY);
        assertThat(book.invoice("I-1").disputed()).isFalse();
        assertThat(book.invoice("I-1").balance()).isEqualByComparingTo("750");
    }

    @Test
    void aPromiseIsKeptOncePaymentsDuringItsPauseCoverIt() {
        issued("I-1");
        book.evolve(book.promise(new PromisePayment(C, "I-1", TODAY.plusDays(5), new BigDecimal("600"), "sales1"),
                TODAY), TODAY);
        assertThatThrownBy(() -> book.promise(new PromisePayment(C, "I-1", TODAY.plusDays(9), new BigDecimal("10"),
                "sales1"), TODAY)).isInstanceOfSatisfying(Refusal.Violated.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(Rule.PROMISE_OPEN));

        book.evolve(payment("P-1", "400", TODAY.plusDays(2)), TODAY.plusDays(2));
        assertThat(book.promiseKept(C, "I-1")).isEmpty();
        book.evolve(payment("P-2", "200", TODAY.plusDays(4)), TODAY.plusDays(4));
        assertThat(book.promiseKept(C, "I-1")).hasValueSatisfying(
                kept -> assertThat(kept.amount()).isEqualByComparingTo("600"));
    }

    @Test
    void aHandOverNeedsACreditAndASalesApprovalByTwoPeople() {
        issued("I-1");
        List<Object> first = approve(approval("credit1", Roles.CREDIT));
        assertThat(first).hasSize(1);
        first.forEach(event -> book.evolve(event, TODAY));
        assertThat(book.handover("I-1").status()).isEqualTo(HandoverStatus.AWAITING_SECOND_APPROVAL);

        assertThatThrownBy(() -> approve(approval("credit1", Roles.CREDIT, Roles.SALES)))
                .as("the same person twice").isInstanceOf(Refusal.FourEyes.class);
        assertThatThrownBy(() -> approve(approval("credit2", Roles.CREDIT)))
                .as("a second credit approval").isInstanceOf(Refusal.FourEyes.class);

        List<Object> second = approve(approval("sales1", Roles.SALES));
        assertThat(second).last().isInstanceOfSatisfying(InvoiceHandedOver.class,
                handedOver -> assertThat(handedOver.approvedBy()).containsExactly("credit1", "sales1"));
        second.forEach(event -> book.evolve(event, TODAY));
        assertThat(book.handover("I-1").status()).isEqualTo(HandoverStatus.HANDED_OVER);
        assertThatThrownBy(() -> book.dispute(new DisputeInvoice(C, "I-1", "late", "sales1")))
                .isInstanceOfSatisfying(Refusal.Violated.class,
                        refusal -> assertThat(refusal.rule()).isEqualTo(Rule.HANDED_OVER));
    }

    private List<Object> approve(ApproveCollectionHandover approval) {
        return book.approveHandover(approval, invoice -> null); // the notice's words: DunningTest
    }

    @Test
    void theOverdueRuleSkipsPausedInvoicesAndPaidOnesAreNotFollowedUp() {
        issued("I-1"); // due 30 days after issue: 28 days past due today
        issued("I-2");
        book.evolve(book.dispute(new DisputeInvoice(C, "I-2", "wrong price", "sales1")), TODAY);
        assertThat(book.oldestDaysPastDue(TODAY)).isEqualTo(28);
        book.evolve(payment("P-1", "1000", TODAY), TODAY);
        assertThat(book.oldestDaysPastDue(TODAY)).as("I-1 paid, I-2 disputed").isZero();
        assertThatThrownBy(() -> book.promise(new PromisePayment(C, "I-1", TODAY, BigDecimal.ONE, "sales1"), TODAY))
                .isInstanceOfSatisfying(Refusal.Violated.class,
                        refusal -> assertThat(refusal.rule()).isEqualTo(Rule.INVOICE_SETTLED));
    }

    private void issued(String invoiceId) {
        book.evolve(book.issue(issue(invoiceId, null), 30), ISSUED);
    }

    private static IssueInvoice issue(String invoiceId, LocalDate dueDate) {
        return new IssueInvoice(C, invoiceId, null, new BigDecimal("1000"), "EUR", ISSUED, dueDate, "erp");
    }

    private static ResolveDispute credited(String amount) {
        return new ResolveDispute(C, "I-1", DisputeOutcome.CREDITED, new BigDecimal(amount), "agreed", "credit1");
    }

    private static PaymentRegistered payment(String paymentId, String amount, LocalDate receivedOn) {
        return new PaymentRegistered(C, paymentId, new BigDecimal(amount), "EUR", receivedOn, "I-1",
                List.of(new Allocation("I-1", new BigDecimal(amount))), BigDecimal.ZERO, "erp");
    }

    private static ApproveCollectionHandover approval(String actor, String... roles) {
        return new ApproveCollectionHandover(C, "I-1", "Agency NV", "no answer", actor, Set.of(roles));
    }
}
