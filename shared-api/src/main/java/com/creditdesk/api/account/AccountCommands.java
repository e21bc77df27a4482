package com.creditdesk.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Commands on the customer credit account itself. Every command names the principal who sent it. */
public final class AccountCommands {
    private AccountCommands() {
    }

    public record OpenAccount(@TargetAggregateIdentifier String customerId, String name, Segment segment,
                              String currency, String accountManager, Language language, String actor,
                              String email) {
    }

    public record SetCreditLimit(@TargetAggregateIdentifier String customerId, BigDecimal amount,
                                 LimitSource source, String reason, LocalDate reviewDate, String actor) {
    }

    /** The answer to a limit set: the limit that now counts, and the credit left under it. */
    public record LimitAnswer(BigDecimal effectiveLimit, BigDecimal availableCredit) {
    }

    public record RegisterSecurity(@TargetAggregateIdentifier String customerId, String securityId,
                                   SecurityType type, BigDecimal amount, LocalDate validUntil, String actor) {
    }

    public record PutOnHold(@TargetAggregateIdentifier String customerId, String reason, String actor) {
    }

    public record LiftHold(@TargetAggregateIdentifier String customerId, String reason, String actor) {
    }

    /** The account joins a corporate group kept in {@code currency}; joining its own group again changes nothing. */
    public record JoinGroup(@TargetAggregateIdentifier String customerId, String groupId, String currency,
                            String actor) {
    }

    /**
     * What the account answers a group: its exposure now and the sequence of its last event, so the group keeps
     * the latest it was told, and the open orders it accepted with room the group reserved (counted in that exposure).
     * A member's order is answered so first, before the group is asked for room.
     */
    public record MemberExposure(String customerId, String groupId, BigDecimal exposure, long accountSequence,
                                 List<String> countedOrderIds) {
        public MemberExposure {
            countedOrderIds = countedOrderIds == null ? List.of() : List.copyOf(countedOrderIds);
        }
    }
}
