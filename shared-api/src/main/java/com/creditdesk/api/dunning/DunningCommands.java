package com.creditdesk.api.dunning;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class DunningCommands {
    private DunningCommands() {
    }

    /**
     * Sent by the dunning timer when a planned moment has come: the account records every step of
     * the invoice that has fallen due by now, in order; a step already reached is never repeated.
     */
    public record AdvanceDunning(@TargetAggregateIdentifier String customerId, String invoiceId) {
    }
}
