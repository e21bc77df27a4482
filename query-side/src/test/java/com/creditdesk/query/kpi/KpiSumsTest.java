package com.creditdesk.query.kpi;

import com.creditdesk.api.kpi.KpiQueries.CurrencyKpis;
import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.creditdesk.query.support.GeneratedLedger;
import com.creditdesk.query.support.ProjectionsOnLedger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPIs from the kept sums (receivables per day, orders per day and per instant, release decisions,
 * signals and final decisions on credit applications per month) and the periodic reviews found by their due days
 * equal the KPIs from every fact, for quarters, months, single days and periods that start and end inside a day, on
 * a generated year (with its credit applications and reviews) whose batches were partly delivered twice.
 */
class KpiSumsTest {
    private static final ProjectionsOnLedger projections = new ProjectionsOnLedger();
    private static final LocalDate TODAY = GeneratedLedger.END;
    private static final ReportingCurrency REPORTING = new ReportingCurrency("EUR",
            Map.of("GBP", new BigDecimal("1.1650")), LocalDate.of(2026, 11, 30));
    private static KpiProjection kpis;

    @BeforeAll
    static void applyAYear() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        InvoiceProjection invoices = new InvoiceProjection(projections.database(), clock);
        kpis = new KpiProjection(projections.database(), invoices, REPORTING, clock);
        projections.apply(List.of(invoices, kpis), GeneratedLedger.withLifecycle(24, 11), 8);
    }

    @AfterAll
    static void stop() {
        projections.close();
    }

    private static Instant day(String day) {
        return LocalDate.parse(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Kpis kept(Instant from, Instant to) {
        return KpiFigures.of(from, to, TODAY, kpis.inputs(from, to), REPORTING);
    }

    private static Kpis fromEveryFact(Instant from, Instant to) {
        return KpiFigures.of(from, to, TODAY, kpis.inputsTheSlowWay(from, to), REPORTING);
    }

    @Test
    void quartersAndMonthsGiveWhatEveryFactGives() {
        List<Instant[]> periods = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate first = LocalDate.of(2026, month, 1);
            periods.add(new Instant[] {day(first.toString()), day(first.plusMonths(1).toString())});
            if (month % 3 == 1) {
                periods.add(new Instant[] {day(first.toString()), day(first.plusMonths(3).toString())});
            }
        }
        for (Instant[] period : periods) {
            assertThat(kept(period[0], period[1])).as(period[0] + " – " + period[1])
                    .isEqualTo(fromEveryFact(period[0], period[1]));
        }
        Kpis secondQuarter = kept(day("2026-04-01"), day("2026-07-01"));
        assertThat(secondQuarter.dso()).isPositive();
        assertThat(secondQuarter.perCurrency()).extracting(CurrencyKpis::currency).containsExactly("EUR", "GBP");
        assertThat(secondQuarter.reporting().rates()).containsOnlyKeys("GBP");
        assertThat(secondQuarter.cei()).isNotNull();
        assertThat(secondQuarter.blockedOrderShare()).isPositive();
        assertThat(secondQuarter.medianReleaseDecisionHours()).isNotNull();
        assertThat(secondQuarter.periodicReviews().due()).isGreaterThan(20);
        assertThat(secondQuarter.periodicReviews().onTime()).isBetween(1, secondQuarter.periodicReviews().due() - 1);
        Kpis firstHalf = kept(day("2026-01-01"), day("2026-07-01"));
        assertThat(firstHalf.applications().decided()).isGreaterThan(10);
        assertThat(firstHalf.applications().approved() + firstHalf.applications().approvedWithSecurity()
                + firstHalf.applications().declined()).isEqualTo(firstHalf.applications().decided());
        assertThat(firstHalf.applications().medianDecisionHours()).isPositive();
        assertThat(firstHalf).isEqualTo(fromEveryFact(day("2026-01-01"), day("2026-07-01")));
        assertThat(projections.redelivered()).isGreaterThan(3);
    }

    @Test
    void periodsStartingAndEndingWithinADayCountTheOrdersOfThoseHoursOnly() {
        Random random = new Random(3);
        Instant start = day("2026-01-01");
        for (int i = 0; i < 40; i++) {
            Instant from = start.plus(Duration.ofMinutes(random.nextInt(360 * 24 * 60)));
            Instant to = from.plus(Duration.ofMinutes(1 + random.nextInt(i % 2 == 0 ? 600 : 60 * 24 * 40)));
            assertThat(kept(from, to)).as(from + " – " + to).isEqualTo(fromEveryFact(from, to));
        }
    }

    @Test
    void signalsPerAccountManagerAreCountedWithTheirFollowUp() {
        Kpis year = kept(day("2026-01-01"), day("2027-01-01"));

        assertThat(year.signals()).isNotEmpty();
        assertThat(year.signals().stream().mapToInt(s -> s.reported()).sum()).isGreaterThan(3);
        assertThat(year).isEqualTo(fromEveryFact(day("2026-01-01"), day("2027-01-01")));
    }
}
