package com.creditdesk.api.terms;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class TermsCommands {
    private TermsCommands() {
    }

    /** Sales registers payment terms agreed with the customer, and why. */
    public record AgreePaymentTerms(@TargetAggregateIdentifier String customerId, int days, String reason,
                                    String actor) {
    }

    public record TermsAnswer(int days, TermsStatus status) {
    }

    /** Credit approves or refuses terms that wait for approval. */
    public record DecidePaymentTerms(@TargetAggregateIdentifier String customerId, boolean approve, String note,
                                     String actor) {
    }
}
