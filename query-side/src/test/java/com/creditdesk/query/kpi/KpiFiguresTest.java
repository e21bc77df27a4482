package com.creditdesk.query.kpi;

import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.api.kpi.KpiQueries.SignalFollowUp;
import com.creditdesk.query.kpi.KpiFacts.InvoiceFacts;
import com.creditdesk.query.kpi.KpiFacts.OrderFacts;
import com.creditdesk.query.kpi.KpiFacts.Settlement;
import com.creditdesk.query.kpi.KpiFacts.SignalFacts;
import com.creditdesk.query.reporting.ReportingCurrency;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The KPIs of the second quarter of 2026, asked on 15 July, against figures worked out by hand. */
class KpiFiguresTest {
    private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-07-01T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 7, 15);
    private static final ReportingCurrency EUR = new ReportingCurrency("EUR", Map.of(), null);

    private static InvoiceFacts invoice(String id, String customer, String amount, String issued, String due,
                                        Settlement... settlements) {
        return new InvoiceFacts(id, customer, new BigDecimal(amount), "EUR", LocalDate.parse(issued), LocalDate.parse(due),
                List.of(settlements));
    }

    private static Settlement paid(String on, String amount) {
        return new Settlement(LocalDate.parse(on), new BigDecimal(amount));
    }

    private static final List<InvoiceFacts> INVOICES = List.of(
            invoice("A", "C-1", "1000", "2026-03-01", "2026-03-31", paid("2026-04-10", "600"), paid("2026-07-05", "400")),
            invoice("B", "C-1", "2000", "2026-05-01", "2026-05-31", paid("2026-06-15", "2000")),
            invoice("C", "C-1", "3000", "2026-06-01", "2026-07-01"),
            invoice("D", "C-1", "500", "2026-02-01", "2026-03-03", paid("2026-04-20", "500")), // a credit note
            invoice("E", "C-2", "800", "2026-04-15", "2026-05-15"),
            invoice("F", "C-4", "700", "2026-06-01", "2026-06-10", paid("2026-07-05", "700")));

    private static OrderFacts order(String id, String placed, boolean blocked, String requested, String decided) {
        return new OrderFacts(id, "C-1", Instant.parse(placed), blocked,
                requested == null ? null : Instant.parse(requested), decided == null ? null : Instant.parse(decided));
    }

    private static final List<OrderFacts> ORDERS = List.of(
            order("O1", "2026-04-02T09:00:00Z", false, null, null),
            order("O2", "2026-04-03T09:00:00Z", true, "2026-04-03T10:00:00Z", "2026-04-03T14:00:00Z"),   // 4 h
            order("O3", "2026-05-01T08:00:00Z", true, "2026-05-01T09:00:00Z", "2026-05-02T09:00:00Z"),   // 24 h
            order("O4", "2026-06-01T07:00:00Z", true, "2026-06-01T08:00:00Z", "2026-06-01T09:30:00Z"),   // 1.5 h
            order("O5", "2026-03-15T09:00:00Z", true, "2026-03-15T10:00:00Z", "2026-04-01T10:00:00Z"),   // 408 h
            order("O6", "2026-07-02T09:00:00Z", false, null, null));

    private static SignalFacts signal(String id, String customer, String by, String at) {
        return new SignalFacts(id, customer, by, Instant.parse(at));
    }

    private static final List<SignalFacts> SIGNALS = List.of(
            signal("S1", "C-1", "sales1", "2026-04-05T10:00:00Z"), // A still 400 open on 1 May, its 31st day late
            signal("S2", "C-2", "sales1", "2026-06-20T10:00:00Z"), // E unpaid, late from 15 June
            signal("S3", "C-3", "sales2", "2026-06-25T10:00:00Z"), // no invoices at all
            signal("S4", "C-1", "sales2", "2026-01-10T10:00:00Z"), // before the period
            signal("S5", "C-4", "sales2", "2026-06-12T10:00:00Z")); // F paid on 5 July, before its 31st day late

    @Test
    void theQuarterWorkedOutByHand() {
        Kpis kpis = KpiFigures.of(FROM, TO, TODAY, INVOICES, ORDERS, SIGNALS, EUR);

        // receivables on 30 June: A 400 + C 3 000 + E 800 + F 700 = 4 900; invoiced 1 April–30 June:
        // B + C + E + F = 6 500; DSO = 4 900 / 6 500 × 90 = 67.85
        assertThat(kpis.dso()).isEqualTo(new BigDecimal("67.8"));
        // opening (31 March) A 1 000 + D 500 = 1 500; not yet due on 30 June: C 3 000;
        // CEI = (1 500 + 6 500 − 4 900) / (1 500 + 6 500 − 3 000) × 100 = 3 100 / 5 000 × 100
        assertThat(kpis.cei()).isEqualTo(new BigDecimal("62.0"));
        // placed in the period O1–O4, of which O2–O4 blocked
        assertThat(kpis.blockedOrderShare()).isEqualTo(new BigDecimal("0.750"));
        // decisions in the period: 1.5, 4, 24 and 408 hours (O5 asked in March) → (4 + 24) / 2
        assertThat(kpis.medianReleaseDecisionHours()).isEqualTo(new BigDecimal("14.0"));
        assertThat(kpis.signals()).containsExactly(new SignalFollowUp("sales1", 2, 2),
                new SignalFollowUp("sales2", 2, 0));
    }

    @Test
    void anEmptyPeriodHasNoRatios() {
        Kpis kpis = KpiFigures.of(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"), TODAY,
                INVOICES, ORDERS, SIGNALS, EUR);
        assertThat(kpis.dso()).as("nothing invoiced: nothing to divide by").isNull();
        assertThat(kpis.cei()).isNull();
        assertThat(kpis.blockedOrderShare()).isNull();
        assertThat(kpis.medianReleaseDecisionHours()).isNull();
        assertThat(kpis.signals()).isEmpty();
    }

    @Test
    void lateDaysAfterTodayDoNotCountYet() {
        // G is more than 30 days past due from 6 July: a signal on 1 July is followed by late payment only from then
        SignalFacts recent = signal("S6", "C-4", "sales3", "2026-07-01T10:00:00Z");
        List<InvoiceFacts> unpaid = List.of(invoice("G", "C-4", "100", "2026-06-01", "2026-06-05"));
        assertThat(KpiFigures.followedByLatePayment(recent, unpaid, LocalDate.of(2026, 7, 1))).isFalse();
        assertThat(KpiFigures.followedByLatePayment(recent, unpaid, LocalDate.of(2026, 7, 6))).isTrue();
    }
}
