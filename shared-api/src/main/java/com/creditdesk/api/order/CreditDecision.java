package com.creditdesk.api.order;

import java.math.BigDecimal;

/**
 * Everything a credit check looked at, and the version of the policy that judged it. Applying
 * {@link CreditPolicy#forVersion(String)} to these inputs again gives the same reasons, which is
 * how any decision is explained afterwards.
 */
public record CreditDecision(BigDecimal effectiveLimit, BigDecimal activeSecurities, BigDecimal exposureBefore,
                             BigDecimal orderAmount, BigDecimal overdueBalance, int oldestDaysPastDue,
                             boolean openReview, boolean onHold, String policyVersion) {
}
