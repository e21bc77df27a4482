package com.creditdesk.query.views;

import com.creditdesk.api.views.ViewQueries.Ageing;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;
import com.creditdesk.query.invoice.ReceivablesLedger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finance's figures on a day, in one currency (or converted into one): what is open per ageing bucket
 * by days past due, and what was invoiced in the last 90 days; the overdue total and DSO = receivables
 * ÷ invoiced amount of the last 90 days × 90 follow. They are sums over due days and issue days
 * ({@link ReceivablesLedger.Current}), whatever the number of invoices behind them.
 */
record Receivables(BigDecimal notDue, BigDecimal d1to30, BigDecimal d31to60, BigDecimal d61to90, BigDecimal over90,
                   BigDecimal invoicedRecently) {
    static final int DSO_DAYS = 90;
    static final Receivables NONE = new Receivables(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO);

    static Receivables of(ReceivablesLedger.Current sums, LocalDate today) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (Map.Entry<LocalDate, BigDecimal> open : sums.openByDueDay().entrySet()) {
            if (open.getValue().signum() > 0) {
                long days = Math.max(0, ChronoUnit.DAYS.between(open.getKey(), today));
                int bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
                buckets[bucket] = buckets[bucket].add(open.getValue());
            }
        }
        BigDecimal invoiced = sums.invoicedByDay().subMap(today.minusDays(DSO_DAYS), true, today, true).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Receivables(buckets[0], buckets[1], buckets[2], buckets[3], buckets[4], invoiced);
    }

    /** The figures worked out from every invoice of one currency: the slow way, which the ledger must equal. */
    static Receivables of(List<InvoiceRecord> invoices, LocalDate today) {
        return of(sums(invoices), today);
    }

    /** The ledger's sums worked out from every invoice of one currency. */
    static ReceivablesLedger.Current sums(List<InvoiceRecord> invoices) {
        TreeMap<LocalDate, BigDecimal> open = new TreeMap<>();
        TreeMap<LocalDate, BigDecimal> invoiced = new TreeMap<>();
        for (InvoiceRecord invoice : invoices) {
            invoiced.merge(invoice.issueDate(), invoice.amount().setScale(2), BigDecimal::add);
            if (invoice.balance().signum() != 0) {
                open.merge(invoice.dueDate(), invoice.balance().setScale(2), BigDecimal::add);
            }
        }
        open.values().removeIf(amount -> amount.signum() == 0);
        return new ReceivablesLedger.Current(open, invoiced);
    }

    Receivables times(BigDecimal rate) {
        return new Receivables(notDue.multiply(rate), d1to30.multiply(rate), d31to60.multiply(rate),
                d61to90.multiply(rate), over90.multiply(rate), invoicedRecently.multiply(rate));
    }

    Receivables plus(Receivables other) {
        return new Receivables(notDue.add(other.notDue), d1to30.add(other.d1to30), d31to60.add(other.d31to60),
                d61to90.add(other.d61to90), over90.add(other.over90), invoicedRecently.add(other.invoicedRecently));
    }

    Ageing ageing() {
        return new Ageing(money(notDue), money(d1to30), money(d31to60), money(d61to90), money(over90));
    }

    BigDecimal overdueTotal() {
        return money(d1to30.add(d31to60).add(d61to90).add(over90));
    }

    /** Null when nothing was invoiced in the last 90 days: there is nothing to divide by. */
    BigDecimal dso() {
        BigDecimal receivables = notDue.add(d1to30).add(d31to60).add(d61to90).add(over90);
        return invoicedRecently.signum() == 0 ? null
                : receivables.multiply(BigDecimal.valueOf(DSO_DAYS)).divide(invoicedRecently, 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
