package com.creditdesk.api.order;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

public final class OrderEvents {
    private OrderEvents() {
    }

    /**
     * The family of orders, their credit check and the release of blocked ones:
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface OrderEvent {
        String customerId();
    }

    /** The order passed the credit check and now counts in exposure. */
    @Revision("2")
    public record OrderAccepted(String customerId, String orderId, BigDecimal amount, String currency,
                                String description, CreditDecision decision, String actor) implements OrderEvent {
    }

    /** The order failed the credit check; it does not count in exposure until released. */
    @Revision("2")
    public record OrderBlocked(String customerId, String orderId, BigDecimal amount, String currency,
                               String description, List<BlockReason> reasons, CreditDecision decision,
                               String actor) implements OrderEvent {
        public OrderBlocked {
            reasons = List.copyOf(reasons);
        }
    }

    @Revision("1")
    public record OrderCancelled(String customerId, String orderId, BigDecimal amount, OrderStatus previousStatus,
                                 String reason, String actor) implements OrderEvent {
    }

    @Revision("1")
    public record ReleaseRequested(String customerId, String orderId, BigDecimal amount, String justification,
                                   ProposedMeasure proposedMeasure, String actor) implements OrderEvent {
    }

    /** Credit released a blocked order; from now on it counts in exposure. */
    @Revision("1")
    public record OrderReleased(String customerId, String orderId, BigDecimal amount, String note, String conditions,
                                String requestedBy, String actor) implements OrderEvent {
    }

    @Revision("1")
    public record OrderRejected(String customerId, String orderId, BigDecimal amount, String note,
                                String requestedBy, String actor) implements OrderEvent {
    }

    /**
     * A blocked order the credit check would now pass, after {@code cause} ({@code reference} names the payment,
     * invoice, security or review) made room; {@code decision} holds the new inputs. Nothing is released by it:
     * the order stays blocked until credit decides.
     */
    @Revision("1")
    public record BlockedOrderNowFits(String customerId, String orderId, BigDecimal amount, CreditDecision decision,
                                      RoomMade cause, String reference) implements OrderEvent {
    }
}
