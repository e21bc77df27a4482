package com.creditdesk.api.order;

import com.creditdesk.api.common.GloballyUnique;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import com.creditdesk.api.group.GroupCredit;

import java.math.BigDecimal;
import java.util.List;

public final class OrderCommands {
    private OrderCommands() {
    }

    /**
     * An order to check. For a member of a corporate group, {@code groupCredit} is the group's answer, asked first:
     * without it the account answers its {@code MemberExposure} instead of deciding.
     */
    public record PlaceOrder(@TargetAggregateIdentifier String customerId, String orderId, BigDecimal amount,
                             String currency, String description, String actor, GroupCredit groupCredit)
            implements GloballyUnique {
        public PlaceOrder(String customerId, String orderId, BigDecimal amount, String currency, String description,
                          String actor) {
            this(customerId, orderId, amount, currency, description, actor, null);
        }

        public PlaceOrder withGroupCredit(GroupCredit answer) {
            return new PlaceOrder(customerId, orderId, amount, currency, description, actor, answer);
        }

        @Override
        public String uniqueKey() {
            return "order:" + orderId;
        }
    }

    public record CancelOrder(@TargetAggregateIdentifier String customerId, String orderId, String reason,
                              String actor) {
    }

    /** Sales asks credit to release a blocked order. */
    public record RequestRelease(@TargetAggregateIdentifier String customerId, String orderId, String justification,
                                 ProposedMeasure proposedMeasure, String actor) {
    }

    /** Credit decides on a blocked order; whoever asked for the release may not decide (four eyes). */
    public record DecideRelease(@TargetAggregateIdentifier String customerId, String orderId, ReleaseDecision decision,
                                String note, String conditions, String actor) {
    }

    public record ReleaseOutcome(String orderId, OrderStatus status) {
    }

    /** The answer to {@link PlaceOrder}; a repeated command gets the same answer. */
    public record OrderPlacement(String orderId, OrderStatus status, List<BlockReason> reasons,
                                 CreditDecision decision) {
        public OrderPlacement {
            reasons = List.copyOf(reasons);
        }
    }
}
