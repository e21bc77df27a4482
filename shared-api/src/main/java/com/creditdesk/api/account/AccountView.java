package com.creditdesk.api.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The account as both Sales and Credit see it (contract: {@code GET /api/accounts/{customerId}}). */
public record AccountView(String customerId, String name, Segment segment, String accountManager, String currency,
                          Language language, BigDecimal effectiveLimit, BigDecimal analystLimit,
                          BigDecimal insurerLimit, BigDecimal activeSecurities, BigDecimal exposure,
                          BigDecimal availableCredit, BigDecimal overdueBalance, BigDecimal unappliedCredit,
                          boolean onHold, boolean openReview, int paymentTermDays, AccountStatus status,
                          RiskClass riskClass, LocalDate nextReviewOn, RiskClass riskClassProposed) {

    /** ON_HOLD outranks OVER_LIMIT, which outranks OVERDUE. */
    public enum AccountStatus { OK, OVERDUE, OVER_LIMIT, ON_HOLD }

    public record AccountPage(List<AccountView> accounts, int page, int size, long total) {
        public AccountPage {
            accounts = List.copyOf(accounts);
        }
    }
}
