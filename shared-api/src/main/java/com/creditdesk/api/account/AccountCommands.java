package com.creditdesk.api.account;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

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
}
