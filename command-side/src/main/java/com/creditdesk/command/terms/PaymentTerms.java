package com.creditdesk.command.terms;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.terms.TermsStatus;

/** Terms up to 15 days above the segment's standard apply at once; longer ones need credit's approval. */
final class PaymentTerms {
    static final int SALES_MARGIN_DAYS = 15;

    private PaymentTerms() {
    }

    static TermsStatus statusOf(int days, Segment segment) {
        return days <= segment.standardTermDays() + SALES_MARGIN_DAYS ? TermsStatus.IN_FORCE
                : TermsStatus.AWAITING_APPROVAL;
    }
}
