package com.creditdesk.api.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Credit policy: which reasons block an order, judged only from a decision's recorded inputs.
 * Version 1 is the agreed policy; other parameter sets exist to simulate a changed policy.
 *
 * @param overdueDaysTolerance  an invoice more than this many days past due blocks
 * @param overdueShareTolerance an overdue balance above this share of the effective limit blocks
 * @param limitMultiplier       scales the effective limit (1 in the real policy)
 * @param reviewsBlock          whether an open credit review blocks
 * @param groupLimitMultiplier  scales a corporate group's limit (1 in the real policy)
 */
public record CreditPolicy(String version, int overdueDaysTolerance, BigDecimal overdueShareTolerance,
                           BigDecimal limitMultiplier, boolean reviewsBlock, BigDecimal groupLimitMultiplier) {

    public static final CreditPolicy V1 = new CreditPolicy("v1", 30, new BigDecimal("0.20"), BigDecimal.ONE, true,
            BigDecimal.ONE);

    public static CreditPolicy forVersion(String version) {
        if (V1.version().equals(version)) {
            return V1;
        }
        throw new IllegalArgumentException("unknown credit policy version " + version);
    }

    /** Every reason that applies, in the policy's order; none means the order is accepted. */
    public List<BlockReason> reasonsFor(CreditDecision in) {
        List<BlockReason> reasons = new ArrayList<>();
        BigDecimal limit = in.effectiveLimit().multiply(limitMultiplier);
        if (in.onHold()) {
            reasons.add(BlockReason.ACCOUNT_ON_HOLD);
        }
        if (in.oldestDaysPastDue() > overdueDaysTolerance
                || in.overdueBalance().compareTo(limit.multiply(overdueShareTolerance)) > 0) {
            reasons.add(BlockReason.OVERDUE_INVOICES);
        }
        if (in.exposureBefore().add(in.orderAmount()).compareTo(limit.add(in.activeSecurities())) > 0) {
            reasons.add(BlockReason.LIMIT_EXCEEDED);
        }
        if (reviewsBlock && in.openReview()) {
            reasons.add(BlockReason.CREDIT_REVIEW);
        }
        if (in.group() != null && in.group().groupExposure().add(in.orderAmount())
                .compareTo(in.group().groupLimit().multiply(groupLimitMultiplier)) > 0) {
            reasons.add(BlockReason.GROUP_LIMIT_EXCEEDED);
        }
        return List.copyOf(reasons);
    }
}
