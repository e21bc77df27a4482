package com.creditdesk.api.account;

import java.math.BigDecimal;

/** The rule both sides apply to an account's two limit sources. */
public final class CreditLimits {
    private CreditLimits() {
    }

    /** The lower of the analyst's and the insurer's limit when both exist, else the one that exists, else 0. */
    public static BigDecimal effective(BigDecimal analyst, BigDecimal insurer) {
        if (analyst != null && insurer != null) {
            return analyst.min(insurer);
        }
        return analyst != null ? analyst : insurer != null ? insurer : BigDecimal.ZERO;
    }
}
