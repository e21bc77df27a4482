package com.creditdesk.query.views;

import com.creditdesk.api.views.ViewQueries.Ageing;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Finance's ageing, overdue total and DSO against figures worked out by hand. */
class ReceivablesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private static InvoiceRecord invoice(String id, String amount, String balance, String issued, String due) {
        return new InvoiceRecord(id, "C-1", null, new BigDecimal(amount), "EUR", new BigDecimal(balance),
                LocalDate.parse(issued), LocalDate.parse(due), null, null, null, null, List.of(), false, null, null, null);
    }

    @Test
    void ageingBucketsOverdueTotalAndDsoOnADay() {
        List<InvoiceRecord> invoices = List.of(
                invoice("A", "1000", "1000", "2026-06-01", "2026-07-01"), // not due
                invoice("B", "2000", "500", "2026-05-01", "2026-06-15"),  // 15 days: 1-30, part paid
                invoice("H", "100", "100", "2026-03-31", "2026-05-31"),   // 30 days: still 1-30
                invoice("I", "200", "200", "2026-03-31", "2026-05-30"),   // 31 days: 31-60
                invoice("C", "3000", "3000", "2026-04-01", "2026-05-20"), // 41 days: 31-60
                invoice("E", "800", "800", "2026-03-15", "2026-04-15"),   // 76 days: 61-90
                invoice("D", "400", "400", "2026-03-01", "2026-03-31"),   // 91 days: over 90
                invoice("F", "5000", "0", "2026-06-10", "2026-07-10"));   // paid: invoiced, not receivable

        Receivables figures = Receivables.of(invoices, TODAY);

        assertThat(figures.ageing()).isEqualTo(new Ageing(new BigDecimal("1000.00"), new BigDecimal("600.00"),
                new BigDecimal("3200.00"), new BigDecimal("800.00"), new BigDecimal("400.00")));
        assertThat(figures.overdueTotal()).isEqualTo(new BigDecimal("5000.00"));
        // receivables 6 000; invoiced in the 90 days from 1 April: A + B + C + F = 11 000 (H and I on 31 March
        // fall outside); DSO = 6 000 / 11 000 × 90 = 49.09
        assertThat(figures.dso()).isEqualTo(new BigDecimal("49.1"));
    }

    @Test
    void withNothingInvoicedRecentlyThereIsNoDso() {
        Receivables figures = Receivables.of(List.of(invoice("D", "400", "400", "2025-01-01", "2025-01-31")), TODAY);
        assertThat(figures.dso()).as("nothing to divide by").isNull();
        assertThat(figures.ageing().over90()).isEqualTo(new BigDecimal("400.00"));
    }
}
