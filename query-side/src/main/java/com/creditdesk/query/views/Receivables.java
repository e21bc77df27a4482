package com.creditdesk.query.views;

import com.creditdesk.api.views.ViewQueries.Ageing;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * Finance's figures over open invoices on a day: ageing buckets by days past due, the overdue
 * total, and DSO = receivables ÷ invoiced amount of the last 90 days × 90.
 */
record Receivables(Ageing ageing, BigDecimal overdueTotal, BigDecimal dso) {
    static final int DSO_DAYS = 90;

    static Receivables of(List<InvoiceRecord> invoices, LocalDate today) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal invoicedRecently = BigDecimal.ZERO;
        for (InvoiceRecord invoice : invoices) {
            if (!invoice.issueDate().isBefore(today.minusDays(DSO_DAYS)) && !invoice.issueDate().isAfter(today)) {
                invoicedRecently = invoicedRecently.add(invoice.amount());
            }
            if (invoice.balance().signum() <= 0) {
                continue;
            }
            long days = invoice.daysPastDueOn(today);
            int bucket = days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
            buckets[bucket] = buckets[bucket].add(invoice.balance());
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

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
