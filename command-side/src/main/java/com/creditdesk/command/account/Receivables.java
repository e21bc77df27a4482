package com.creditdesk.command.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/** Pure rules over open invoices: what is overdue, and by how long. */
final class Receivables {
    private Receivables() {
    }

    /** An invoice is overdue from the day after its due date while a balance remains. */
    static boolean overdue(OpenInvoice invoice, LocalDate today) {
        return invoice.balance().signum() > 0 && today.isAfter(invoice.dueDate());
    }

    static long daysPastDue(OpenInvoice invoice, LocalDate today) {
        return Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today));
    }

    static BigDecimal overdueBalance(Collection<OpenInvoice> invoices, LocalDate today) {
        return invoices.stream().filter(i -> overdue(i, today)).map(OpenInvoice::balance)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Days past due of the oldest overdue invoice that the overdue rule may count: disputed invoices
     * and those under a valid payment promise are paused, so they do not count.
     */
    static int oldestDaysPastDue(Collection<OpenInvoice> invoices, LocalDate today) {
        return (int) invoices.stream().filter(i -> overdue(i, today) && !i.paused(today))
                .mapToLong(i -> daysPastDue(i, today)).max().orElse(0);
    }

    static BigDecimal outstanding(Collection<OpenInvoice> invoices) {
        return invoices.stream().map(OpenInvoice::balance).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
