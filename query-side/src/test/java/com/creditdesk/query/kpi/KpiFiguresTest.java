package com.creditdesk.query.kpi;

import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.kpi.KpiQueries.ApplicationKpis;
import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.api.kpi.KpiQueries.ReviewKpis;
import com.creditdesk.api.kpi.KpiQueries.SignalFollowUp;
import com.creditdesk.query.kpi.KpiFacts.ApplicationFacts;
import com.creditdesk.query.kpi.KpiFacts.CustomerReviews;
import com.creditdesk.query.kpi.KpiFacts.DueReview;
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

    private static ApplicationFacts application(String id, String filed, ApplicationDecision decision, String decided) {
        return new ApplicationFacts(id, "P-" + id, Instant.parse(filed), decision,
                decided == null ? null : Instant.parse(decided));
    }

    private static final List<ApplicationFacts> APPLICATIONS = List.of(
            application("A1", "2026-03-30T09:00:00Z", ApplicationDecision.APPROVE, "2026-04-01T09:00:00Z"),   // 48 h
            application("A2", "2026-04-10T08:00:00Z", ApplicationDecision.DECLINE, "2026-04-10T14:00:00Z"),   // 6 h
            application("A3", "2026-05-01T10:00:00Z", ApplicationDecision.APPROVE_WITH_SECURITY,
                    "2026-05-02T16:00:00Z"),                                                                   // 30 h
            application("A4", "2026-06-20T09:00:00Z", null, null),             // a first approval only: not decided
            application("A5", "2026-06-25T09:00:00Z", ApplicationDecision.APPROVE, "2026-07-02T09:00:00Z"),   // after
            application("A6", "2026-03-01T09:00:00Z", ApplicationDecision.DECLINE, "2026-03-20T09:00:00Z"));  // before

    private static DueReview due(String on, String concluded) {
        return new DueReview(LocalDate.parse(on), concluded == null ? null : Instant.parse(concluded));
    }

    private static CustomerReviews reviews(String customer, String planned, DueReview... due) {
        return new CustomerReviews(customer, planned == null ? null : LocalDate.parse(planned), List.of(due));
    }

    private static final List<CustomerReviews> REVIEWS = List.of(
            reviews("C-1", "2026-07-10",
                    due("2026-04-10", "2026-04-10T15:00:00Z"),   // on its day
                    due("2026-05-10", "2026-05-17T23:00:00Z"),   // the 7th day after: still on time
                    due("2026-06-10", "2026-06-18T09:00:00Z")),  // the 8th: late
            reviews("C-2", "2026-06-30",                          // its day came, nothing concluded since
                    due("2026-03-28", "2026-04-02T10:00:00Z")),  // due before the period
            reviews("C-3", "2026-07-20"),                          // due after the period (and after today)
            reviews("C-4", null, due("2026-06-28", null)));       // open, past its grace

    @Test
    void theQuarterWorkedOutByHand() {
        Kpis kpis = KpiFigures.of(FROM, TO, TODAY, INVOICES, ORDERS, SIGNALS, APPLICATIONS, REVIEWS, EUR);

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
        // decided in the period A1–A3 (A4 awaits its second approval, A5 is decided in July): 6, 30 and 48 hours
        assertThat(kpis.applications()).isEqualTo(new ApplicationKpis(3, 1, 1, 1, new BigDecimal("30.0")));
        // due: C-1's three, C-2's plan of 30 June and C-4's; on time C-1's first two
        assertThat(kpis.periodicReviews()).isEqualTo(new ReviewKpis(5, 2, new BigDecimal("0.400"), 7));
    }

    @Test
    void applicationsCountWhenTheirDecisionBecameFinal() {
        // A5's second approval came on 2 July, a week after its filing: it counts in July, with its 168 hours
        Kpis july = KpiFigures.of(TO, Instant.parse("2026-08-01T00:00:00Z"), TODAY, INVOICES, ORDERS, SIGNALS,
                APPLICATIONS, REVIEWS, EUR);
        assertThat(july.applications()).isEqualTo(new ApplicationKpis(1, 1, 0, 0, new BigDecimal("168.0")));
        // the hours of A2 only: filed at 08:00, declined at 14:00
        Kpis aDay = KpiFigures.of(Instant.parse("2026-04-10T12:00:00Z"), Instant.parse("2026-04-11T00:00:00Z"), TODAY,
                INVOICES, ORDERS, SIGNALS, APPLICATIONS, REVIEWS, EUR);
        assertThat(aDay.applications()).isEqualTo(new ApplicationKpis(1, 0, 0, 1, new BigDecimal("6.0")));
    }

    @Test
    void aReviewWhoseDayHasNotComeIsNotDueYet() {
        // asked on 15 July: C-1's plan of 10 July is due (and not concluded), C-3's of 20 July not yet
        Kpis july = KpiFigures.of(TO, Instant.parse("2026-08-01T00:00:00Z"), TODAY, INVOICES, ORDERS, SIGNALS,
                APPLICATIONS, REVIEWS, EUR);
        assertThat(july.periodicReviews()).isEqualTo(new ReviewKpis(1, 0, new BigDecimal("0.000"), 7));
        // asked again on 25 July: both are due; a review concluded within its grace would count on time then
        assertThat(KpiFigures.periodicReviews(List.of(due("2026-07-10", null), due("2026-07-20",
                "2026-07-24T10:00:00Z")), LocalDate.of(2026, 7, 25))).isEqualTo(new ReviewKpis(2, 1,
                new BigDecimal("0.500"), 7));
    }

    @Test
    void anEmptyPeriodHasNoRatios() {
        Kpis kpis = KpiFigures.of(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"), TODAY,
                INVOICES, ORDERS, SIGNALS, APPLICATIONS, REVIEWS, EUR);
        assertThat(kpis.dso()).as("nothing invoiced: nothing to divide by").isNull();
        assertThat(kpis.cei()).isNull();
        assertThat(kpis.blockedOrderShare()).isNull();
        assertThat(kpis.medianReleaseDecisionHours()).isNull();
        assertThat(kpis.signals()).isEmpty();
        assertThat(kpis.applications()).isEqualTo(new ApplicationKpis(0, 0, 0, 0, null));
        assertThat(kpis.periodicReviews()).as("no review due: no share").isEqualTo(new ReviewKpis(0, 0, null, 7));
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
