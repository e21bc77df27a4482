package com.creditdesk.query.views;

import com.creditdesk.api.views.ViewQueries.Ageing;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;
import com.creditdesk.query.invoice.ReceivablesLedger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finance's figures on a day: ageing buckets by days past due, the overdue total, and DSO =
 * receivables ÷ invoiced amount of the last 90 days × 90. They are sums over due days and issue days
 * ({@link ReceivablesLedger.Current}), whatever the number of invoices behind them.
 */
record Receivables(Ageing ageing, BigDecimal overdueTotal, BigDecimal dso) {
    static final int DSO_DAYS = 90;

    /** The figures of the ledger's sums, all currencies added (as the contract's finance view has them). */
    static Receivables of(Collection<ReceivablesLedger.Current> ledger, LocalDate today) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal invoicedRecently = BigDecimal.ZERO;
        for (ReceivablesLedger.Current sums : ledger) {
            for (Map.Entry<LocalDate, BigDecimal> open : sums.openByDueDay().entrySet()) {
                if (open.getValue().signum() > 0) {
                    long days = Math.max(0, ChronoUnit.DAYS.between(open.getKey(), today));
                    int bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
                    buckets[bucket] = buckets[bucket].add(open.getValue());
                }
            }
            for (BigDecimal invoiced : sums.invoicedByDay().subMap(today.minusDays(DSO_DAYS), true, today, true).values()) {
                invoicedRecently = invoicedRecently.add(invoiced);
            }
        }
        BigDecimal receivables = BigDecimal.ZERO;
        for (BigDecimal bucket : buckets) {
            receivables = receivables.add(bucket);
        }
        BigDecimal overdue = receivables.subtract(buckets[0]);
        BigDecimal dso = invoicedRecently.signum() == 0 ? BigDecimal.ZERO
                : receivables.multiply(BigDecimal.valueOf(DSO_DAYS)).divide(invoicedRecently, 1, RoundingMode.HALF_UP);
        return new Receivables(new Ageing(money(buckets[0]), money(buckets[1]), money(buckets[2]), money(buckets[3]),
                money(buckets[4])), money(overdue), dso);
    }

    /** The same sums worked out from every invoice: the slow way, which the ledger must always equal. */
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

    static Receivables of(List<InvoiceRecord> invoices, LocalDate today) {
        return of(List.of(sums(invoices)), today);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
