package com.creditdesk.api.order;

import com.creditdesk.api.group.GroupCredit;

import java.math.BigDecimal;

/**
 * Everything a credit check looked at, and the version of the policy that judged it. Applying
 * {@link CreditPolicy#forVersion(String)} to these inputs again gives the same reasons, which is
 * how any decision is explained afterwards.
 */
public record CreditDecision(BigDecimal effectiveLimit, BigDecimal activeSecurities, BigDecimal exposureBefore,
                             BigDecimal orderAmount, BigDecimal overdueBalance, int oldestDaysPastDue,
                             boolean openReview, boolean onHold, String policyVersion, GroupCredit group) {

    /** The check of an account outside any corporate group. */
    public CreditDecision(BigDecimal effectiveLimit, BigDecimal activeSecurities, BigDecimal exposureBefore,
                          BigDecimal orderAmount, BigDecimal overdueBalance, int oldestDaysPastDue, boolean openReview,
                          boolean onHold, String policyVersion) {
        this(effectiveLimit, activeSecurities, exposureBefore, orderAmount, overdueBalance, oldestDaysPastDue,
                openReview, onHold, policyVersion, null);
    }

    public CreditDecision withGroup(GroupCredit groupCredit) {
        return new CreditDecision(effectiveLimit, activeSecurities, exposureBefore, orderAmount, overdueBalance,
                oldestDaysPastDue, openReview, onHold, policyVersion, groupCredit);
    }
}
