package com.creditdesk.api.application;

import com.creditdesk.api.account.RiskClass;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a screening's figures make a score from 0 to 100, versioned like the credit policy so a score can always be
 * explained. Version 1: {@code externalWeight} × the external score (0–100) + {@code equityWeight} × the equity
 * ratio against {@code equityTarget} (capped at 1) + {@code ageWeight} × the years in business against
 * {@code yearsTarget} (capped at 1), rounded half up; at least {@code lowRiskFrom} is risk class LOW, at least
 * {@code mediumRiskFrom} MEDIUM, below it HIGH. What sales saw on a visit is recorded beside it and never scored.
 */
public record ScoringPolicy(String version, BigDecimal externalWeight, BigDecimal equityWeight, BigDecimal equityTarget,
                            BigDecimal ageWeight, int yearsTarget, int lowRiskFrom, int mediumRiskFrom) {

    public static final ScoringPolicy V1 = new ScoringPolicy("score-v1", new BigDecimal("0.5"), new BigDecimal("25"),
            new BigDecimal("0.40"), new BigDecimal("25"), 10, 70, 45);

    public int score(int externalScore, BigDecimal equityRatio, int yearsInBusiness) {
        BigDecimal equity = capped(equityRatio.max(BigDecimal.ZERO).divide(equityTarget, 4, RoundingMode.HALF_UP));
        BigDecimal age = capped(BigDecimal.valueOf(Math.max(0, yearsInBusiness))
                .divide(BigDecimal.valueOf(yearsTarget), 4, RoundingMode.HALF_UP));
        return externalWeight.multiply(BigDecimal.valueOf(externalScore)).add(equityWeight.multiply(equity))
                .add(ageWeight.multiply(age)).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    public RiskClass riskClassOf(int score) {
        return score >= lowRiskFrom ? RiskClass.LOW : score >= mediumRiskFrom ? RiskClass.MEDIUM : RiskClass.HIGH;
    }

    private static BigDecimal capped(BigDecimal share) {
        return share.min(BigDecimal.ONE);
    }
}
