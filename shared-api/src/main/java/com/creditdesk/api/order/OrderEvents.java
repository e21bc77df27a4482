package com.creditdesk.api.order;

import java.math.BigDecimal;
import java.util.List;

public final class OrderEvents {
    private OrderEvents() {
    }

    /** The order passed the credit check and now counts in exposure. */
    public record OrderAccepted(String customerId, String orderId, BigDecimal amount, String currency,
                                String description, CreditDecision decision, String actor) {
    }

    /** The order failed the credit check; it does not count in exposure until released. */
    public record OrderBlocked(String customerId, String orderId, BigDecimal amount, String currency,
                               String description, List<BlockReason> reasons, CreditDecision decision,
                               String actor) {
        public OrderBlocked {
            reasons = List.copyOf(reasons);
        }
    }

    public record OrderCancelled(String customerId, String orderId, BigDecimal amount, OrderStatus previousStatus,
                                 String reason, String actor) {
    }

    public record ReleaseRequested(String customerId, String orderId, BigDecimal amount, String justification,
                                   ProposedMeasure proposedMeasure, String actor) {
    }

    /** Credit released a blocked order; from now on it counts in exposure. */
    public record OrderReleased(String customerId, String orderId, BigDecimal amount, String note, String conditions,
                                String requestedBy, String actor) {
    }

    public record OrderRejected(String customerId, String orderId, BigDecimal amount, String note,
                                String requestedBy, String actor) {
    }
}
