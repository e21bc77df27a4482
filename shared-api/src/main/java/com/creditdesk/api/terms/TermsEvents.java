package com.creditdesk.api.terms;

import org.axonframework.serialization.Revision;

public final class TermsEvents {
    private TermsEvents() {
    }

    /**
     * Terms agreed by sales. Up to 15 days above the segment's standard they are in force at once;
     * beyond that they wait for credit's approval and the terms in force stay as they were.
     */
    @Revision("1")
    public record PaymentTermsAgreed(String customerId, int days, int standardDays, int previousDays,
                                     TermsStatus status, String reason, String actor) {
    }

    @Revision("1")
    public record PaymentTermsApproved(String customerId, int days, String note, String agreedBy, String actor) {
    }

    @Revision("1")
    public record PaymentTermsRefused(String customerId, int days, int daysInForce, String note, String agreedBy,
                                      String actor) {
    }
}
