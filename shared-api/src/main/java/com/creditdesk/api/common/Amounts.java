package com.creditdesk.api.common;

import java.math.BigDecimal;

/** Money is exact: amounts are compared by value, so 100 and 100.00 are the same amount. */
public final class Amounts {
    private Amounts() {
    }

    public static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
