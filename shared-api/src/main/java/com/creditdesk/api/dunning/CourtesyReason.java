package com.creditdesk.api.dunning;

/** Why a customer gets a courtesy call before an invoice falls due. */
public enum CourtesyReason {
    /** The account was opened less than the configured months ago (6). */
    NEW_CUSTOMER,
    /** The account is in risk class HIGH. */
    HIGH_RISK,
    /** A payment promise was broken in the last year. */
    BROKEN_PROMISE,
    /** Invoices were paid after their due date repeatedly (twice or more) in the last year. */
    REPEATED_LATE_PAYMENT
}
