package com.creditdesk.api.terms;

public final class TermsEvents {
    private TermsEvents() {
    }

    /**
     * Terms agreed by sales. Up to 15 days above the segment's standard they are in force at once;
     * beyond that they wait for credit's approval and the terms in force stay as they were.
     */
    public record PaymentTermsAgreed(String customerId, int days, int standardDays, int previousDays,
                                     TermsStatus status, String reason, String actor) {
    }

    public record PaymentTermsApproved(String customerId, int days, String note, String agreedBy, String actor) {
    }

    public record PaymentTermsRefused(String customerId, int days, int daysInForce, String note, String agreedBy,
                                      String actor) {
    }
}
