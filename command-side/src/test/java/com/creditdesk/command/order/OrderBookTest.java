package com.creditdesk.command.order;

import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order book on its own: what each decision records, and the four eyes of a release. */
class OrderBookTest {
    private static final String C = "C-1";
    private final OrderBook book = new OrderBook();

    @Test
    void anOrderWithinTheLimitIsAcceptedAndCountsInTheExposureUntilInvoiced() {
        Object placed = book.place(order("O-1", "400"), decision("1000", "0", "400"));
        assertThat(placed).isInstanceOf(OrderAccepted.class);
        book.evolve(placed);
        assertThat(book.openAmount()).isEqualByComparingTo("400");

        book.evolve(new InvoiceIssued(C, "I-1", "O-1", new BigDecimal("400"), "EUR", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), 30, "erp"));
        assertThat(book.order("O-1").status()).isEqualTo(OrderStatus.INVOICED);
        assertThat(book.openAmount()).isEqualByComparingTo("0");
    }

    @Test
    void anOrderBeyondTheLimitIsBlockedWithTheReasonAndTheDecisionsInputs() {
        CreditDecision decision = decision("1000", "800", "400");
        Object placed = book.place(order("O-1", "400"), decision);
        assertThat(placed).isInstanceOfSatisfying(OrderBlocked.class, blocked -> {
            assertThat(blocked.reasons()).containsExactly(BlockReason.LIMIT_EXCEEDED);
            assertThat(blocked.decision()).isEqualTo(decision);
        });
        book.evolve(placed);
        assertThat(book.placement("O-1").status()).isEqualTo(OrderStatus.BLOCKED);
        assertThat(book.openAmount()).isEqualByComparingTo("0");
    }

    @Test
    void whoeverAskedForTheReleaseMayNotDecideOnIt() {
        blocked("O-1");
        List<Object> asked = book.requestRelease(new RequestRelease(C, "O-1", "long-standing customer",
                ProposedMeasure.NONE, "sales1"));
        assertThat(asked).singleElement().isInstanceOf(ReleaseRequested.class);
        asked.forEach(book::evolve);

        assertThatThrownBy(() -> book.decideRelease(release("sales1"))).isInstanceOf(Refusal.FourEyes.class);
        List<Object> released = book.decideRelease(release("credit1"));
        assertThat(released).singleElement().isInstanceOfSatisfying(OrderReleased.class,
                event -> assertThat(event.requestedBy()).isEqualTo("sales1"));
        released.forEach(book::evolve);
        assertThat(book.decideRelease(release("credit1"))).as("the same decision again").isEmpty();
        assertThat(book.openAmount()).isEqualByComparingTo("400");
    }

    @Test
    void aSecondRequestWithOtherWordsWaitsForTheFirst() {
        blocked("O-1");
        book.requestRelease(new RequestRelease(C, "O-1", "first", ProposedMeasure.NONE, "sales1"))
                .forEach(book::evolve);
        assertThat(book.requestRelease(new RequestRelease(C, "O-1", "first", ProposedMeasure.NONE, "sales1")))
                .as("the same request again").isEmpty();
        assertThatThrownBy(() -> book.requestRelease(new RequestRelease(C, "O-1", "other", ProposedMeasure.NONE,
                "sales2"))).isInstanceOfSatisfying(Refusal.Violated.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(Rule.RELEASE_ALREADY_REQUESTED));
    }

    @Test
    void anInvoicedOrderCanNeitherBeCancelledNorInvoicedAgain() {
        book.evolve(book.place(order("O-1", "100"), decision("1000", "0", "100")));
        book.evolve(new InvoiceIssued(C, "I-1", "O-1", new BigDecimal("100"), "EUR", LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), 30, "erp"));
        assertThatThrownBy(() -> book.cancel(new CancelOrder(C, "O-1", "changed mind", "erp")))
                .isInstanceOfSatisfying(Refusal.Violated.class,
                        refusal -> assertThat(refusal.rule()).isEqualTo(Rule.ORDER_NOT_CANCELLABLE));
        assertThatThrownBy(() -> book.requireInvoiceable("O-1")).isInstanceOfSatisfying(Refusal.Violated.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(Rule.ORDER_NOT_INVOICEABLE));
        assertThatThrownBy(() -> book.order("O-9")).isInstanceOf(Refusal.NotFound.class);
    }

    @Test
    void theSameOrderAgainGetsTheFirstAnswerAndOtherContentUnderItsIdIsRefused() {
        book.evolve(book.place(order("O-1", "100"), decision("1000", "0", "100")));
        assertThat(book.repeated(order("O-1", "100.00"))).hasValueSatisfying(
                placement -> assertThat(placement.status()).isEqualTo(OrderStatus.ACCEPTED));
        assertThatThrownBy(() -> book.repeated(order("O-1", "101"))).isInstanceOfSatisfying(Refusal.Violated.class,
                refusal -> assertThat(refusal.rule()).isEqualTo(Rule.ID_CONFLICT));
        assertThat(book.repeated(order("O-2", "100"))).isEmpty();
    }

    private void blocked(String orderId) {
        book.evolve(book.place(order(orderId, "400"), decision("100", "0", "400")));
    }

    private static PlaceOrder order(String orderId, String amount) {
        return new PlaceOrder(C, orderId, new BigDecimal(amount), "EUR", "bread flour", "erp");
    }

    private static DecideRelease release(String actor) {
        return new DecideRelease(C, "O-1", ReleaseDecision.RELEASE, "guarantee promised", null, actor);
    }

    /** The credit check's inputs for an order of {@code amount}. */
    private static CreditDecision decision(String limit, String exposure, String amount) {
        return new CreditDecision(new BigDecimal(limit), BigDecimal.ZERO, new BigDecimal(exposure),
                new BigDecimal(amount), BigDecimal.ZERO, 0, false, false, "v1");
    }
}
