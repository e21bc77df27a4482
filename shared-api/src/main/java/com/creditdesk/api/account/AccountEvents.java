package com.creditdesk.api.account;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What happened to a customer credit account. Each event carries what a reader needs later. */
public final class AccountEvents {
    private AccountEvents() {
    }

    /**
     * The family of limits, securities and the hold of the account itself:
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface AccountEvent {
        String customerId();
    }

    /** Revision 2 added {@code email}, where reminders go (null for accounts opened before or without one). */
    @Revision("2")
    public record AccountOpened(String customerId, String name, Segment segment, String currency,
                                String accountManager, Language language, String actor, String email)
            implements AccountEvent {
    }

    /** A limit from one source; the effective limit is the lower of both sources. */
    @Revision("1")
    public record CreditLimitSet(String customerId, BigDecimal amount, LimitSource source, String reason,
                                 LocalDate reviewDate, BigDecimal previousEffectiveLimit,
                                 BigDecimal effectiveLimit, String actor) implements AccountEvent {
    }

    @Revision("1")
    public record SecurityRegistered(String customerId, String securityId, SecurityType type, BigDecimal amount,
                                     LocalDate validUntil, String actor) implements AccountEvent {
    }

    /**
     * Exposure went (or would go) above the limit plus securities: an order that did not fit
     * ({@code orderId} set) or a lowered limit that left the account over it ({@code orderId} null).
     */
    @Revision("1")
    public record LimitExceeded(String customerId, String orderId, BigDecimal effectiveLimit,
                                BigDecimal activeSecurities, BigDecimal exposure, BigDecimal requestedAmount,
                                BigDecimal excess, String actor) implements AccountEvent {
    }

    @Revision("1")
    public record AccountPutOnHold(String customerId, String reason, String actor) implements AccountEvent {
    }

    @Revision("1")
    public record HoldLifted(String customerId, String reason, String actor) implements AccountEvent {
    }

    /** The account joined a corporate group; {@code exposure} is what it owed and had on order then. */
    @Revision("1")
    public record AccountJoinedGroup(String customerId, String groupId, BigDecimal exposure, String actor)
            implements AccountEvent {
    }

    /**
     * The exposure of a group member changed, for its group to count: after an order, an invoice, a payment, a credit
     * note. {@code includesOrderId} is an order accepted with room the group reserved for it.
     */
    @Revision("1")
    public record GroupExposureChanged(String customerId, String groupId, BigDecimal exposure, String includesOrderId)
            implements AccountEvent {
    }
}
