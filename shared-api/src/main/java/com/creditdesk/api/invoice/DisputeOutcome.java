package com.creditdesk.api.invoice;

/** How credit ends a dispute. */
public enum DisputeOutcome {
    /** The customer was right (in part): a credit note lowers the balance. */
    CREDITED,
    /** The invoice stands; dunning resumes. */
    REJECTED
}
