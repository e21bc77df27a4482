package com.creditdesk.api.group;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.util.List;

/**
 * Commands on a corporate group (a head office and its subsidiaries) with a limit over all of them. A group is its
 * own aggregate, stored as {@link #aggregateId(String)}: the one place where the members' orders meet, so two orders
 * on two members are checked against the group's headroom one after the other.
 */
public final class GroupCommands {
    private GroupCommands() {
    }

    public static String aggregateId(String groupId) {
        return "group:" + groupId;
    }

    /** Forms the group, or sets its limit; the same group and limit again changes nothing. */
    public record SetGroupLimit(String groupId, String name, BigDecimal limit, String currency, String reason,
                                String actor) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return GroupCommands.aggregateId(groupId);
        }
    }

    /**
     * Takes an account into the group. Its exposure is not known to the group until the account has joined and said
     * it ({@link RecordMemberExposure}); until then the group's checks wait (a transient refusal, retried).
     */
    public record AddGroupMember(String groupId, String customerId, String actor) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return GroupCommands.aggregateId(groupId);
        }
    }

    /**
     * Before a member's order is checked: the group reserves the order's amount if the group's exposure leaves room
     * for it, else refuses; either way it answers the group's figures, which become inputs of the order's credit
     * decision. {@code memberExposure} is the member's own exposure as its account knows it now, and
     * {@code countedOrderIds} the orders accepted with room the group reserved that it already counts: their
     * reservations end, or the group would count them twice until the account's report of each arrives.
     */
    public record ReserveGroupCredit(String groupId, String customerId, String orderId, BigDecimal amount,
                                     BigDecimal memberExposure, long accountSequence, List<String> countedOrderIds) {
        public ReserveGroupCredit {
            countedOrderIds = countedOrderIds == null ? List.of() : List.copyOf(countedOrderIds);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return GroupCommands.aggregateId(groupId);
        }
    }

    /** The account refused to join (another currency, another group): the member added for it is taken out again. */
    public record RemoveGroupMember(String groupId, String customerId, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return GroupCommands.aggregateId(groupId);
        }
    }

    /** The order the reservation was for was not accepted: its amount is free again. */
    public record ReleaseGroupCredit(String groupId, String orderId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return GroupCommands.aggregateId(groupId);
        }
    }

    /**
     * A member's exposure changed (its account said so at {@code accountSequence}); {@code includesOrderId} is an
     * order it now counts, whose reservation ends.
     */
    public record RecordMemberExposure(String groupId, String customerId, BigDecimal exposure, long accountSequence,
                                       String includesOrderId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return GroupCommands.aggregateId(groupId);
        }
    }
}
