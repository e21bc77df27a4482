package com.creditdesk.api.terms;

import org.axonframework.serialization.Revision;

public final class TermsEvents {
    private TermsEvents() {
    }

    /**
     * The family of payment terms agreed, approved or refused:
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface TermsEvent {
        String customerId();
    }

    /**
     * Terms agreed by sales. Up to 15 days above the segment's standard they are in force at once;
     * beyond that they wait for credit's approval and the terms in force stay as they were.
     */
    @Revision("1")
    public record PaymentTermsAgreed(String customerId, int days, int standardDays, int previousDays,
                                     TermsStatus status, String reason, String actor) implements TermsEvent {
    }

    @Revision("1")
    public record PaymentTermsApproved(String customerId, int days, String note, String agreedBy, String actor)
            implements TermsEvent {
    }

    @Revision("1")
    public record PaymentTermsRefused(String customerId, int days, int daysInForce, String note, String agreedBy,
                                      String actor) implements TermsEvent {
    }
}
