package com.creditdesk.api.group;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;

public final class GroupEvents {
    private GroupEvents() {
    }

    /** The family of a corporate group's events: sealed, so the compiler and the tests know every member. */
    public sealed interface GroupEvent {
        String groupId();
    }

    /** The group's limit over all its members; {@code previous} is null when the group is formed. */
    @Revision("1")
    public record GroupLimitSet(String groupId, String name, BigDecimal limit, String currency, BigDecimal previous,
                                String reason, String actor) implements GroupEvent {
    }

    /** An account taken into the group; its exposure follows once the account has joined. */
    @Revision("1")
    public record GroupMemberAdded(String groupId, String customerId, String actor) implements GroupEvent {
    }

    @Revision("1")
    public record GroupMemberRemoved(String groupId, String customerId, String reason) implements GroupEvent {
    }

    /** Room was reserved for a member's order: the group's exposure before it (reservations included) and its limit. */
    @Revision("1")
    public record GroupCreditReserved(String groupId, String customerId, String orderId, BigDecimal amount,
                                      BigDecimal groupExposure, BigDecimal groupLimit) implements GroupEvent {
    }

    /** A member's order would take the group past its limit: no room reserved, the order is blocked. */
    @Revision("1")
    public record GroupLimitExceeded(String groupId, String customerId, String orderId, BigDecimal amount,
                                     BigDecimal groupExposure, BigDecimal groupLimit) implements GroupEvent {
    }

    @Revision("1")
    public record GroupCreditReleased(String groupId, String customerId, String orderId, BigDecimal amount)
            implements GroupEvent {
    }

    /** A member's exposure as its account last said; the reservation of {@code includesOrderId} (if any) ends. */
    @Revision("1")
    public record MemberExposureRecorded(String groupId, String customerId, BigDecimal exposure,
                                         long accountSequence, String includesOrderId) implements GroupEvent {
    }
}
