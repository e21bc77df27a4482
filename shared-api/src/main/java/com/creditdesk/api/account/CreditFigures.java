package com.creditdesk.api.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The credit figures of one account on a day, the same on both sides: the account decides with them
 * and the account view shows them. Securities count up to and including their last valid day;
 * an invoice is overdue from the day after its due date while a balance remains.
 *
 * @param exposure open orders (accepted or released, not invoiced) plus the balance of the invoices
 */
public record CreditFigures(BigDecimal effectiveLimit, BigDecimal activeSecurities, BigDecimal exposure,
                            BigDecimal overdueBalance) {

    /** A bank guarantee or prepayment, as either side keeps it. */
    public interface Security {
        BigDecimal amount();

        /** Null for a security without end. */
        LocalDate validUntil();
    }

    /** An invoice's open balance and its due date, as either side keeps them. */
    public interface Receivable {
        BigDecimal balance();

        LocalDate dueDate();
    }

    public static CreditFigures on(LocalDate today, BigDecimal analystLimit, BigDecimal insurerLimit,
                                   Collection<? extends Security> securities, BigDecimal openOrders,
                                   Collection<? extends Receivable> invoices) {
        return new CreditFigures(CreditLimits.effective(analystLimit, insurerLimit), activeSecurities(securities, today),
                openOrders.add(outstanding(invoices)), overdueBalance(invoices, today));
    }

    /** Limit plus securities minus exposure; below zero the account is over its limit. */
    public BigDecimal availableCredit() {
        return effectiveLimit.add(activeSecurities).subtract(exposure);
    }

    public static boolean active(Security security, LocalDate day) {
        return security.validUntil() == null || !day.isAfter(security.validUntil());
    }

    public static BigDecimal activeSecurities(Collection<? extends Security> securities, LocalDate day) {
        return securities.stream().filter(security -> active(security, day)).map(Security::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static BigDecimal outstanding(Collection<? extends Receivable> invoices) {
        return invoices.stream().map(Receivable::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static boolean overdue(Receivable invoice, LocalDate today) {
        return invoice.balance().signum() > 0 && today.isAfter(invoice.dueDate());
    }

    public static BigDecimal overdueBalance(Collection<? extends Receivable> invoices, LocalDate today) {
        return invoices.stream().filter(invoice -> overdue(invoice, today)).map(Receivable::balance)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Days since the due date while a balance is open; 0 before it, or once paid. */
    public static long daysPastDue(Receivable invoice, LocalDate today) {
        return invoice.balance().signum() > 0 ? Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today)) : 0;
    }
}
