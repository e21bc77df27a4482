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

    /** Sent by the courtesy-call timer on the planned day: the account makes the call a task if it is still due. */
    public record OpenCourtesyCall(@TargetAggregateIdentifier String customerId, String invoiceId) {
    }

    /** The account manager records the courtesy call made; recording it again changes nothing. */
    public record RecordCourtesyCall(@TargetAggregateIdentifier String customerId, String invoiceId, String note,
                                     String actor) {
    }
}
