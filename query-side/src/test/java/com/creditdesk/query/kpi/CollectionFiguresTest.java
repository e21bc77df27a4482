package com.creditdesk.query.kpi;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.kpi.CollectionQueries.CollectionNumbers;
import com.creditdesk.api.kpi.CollectionQueries.CureRate;
import com.creditdesk.api.kpi.CollectionQueries.ManagerNumbers;
import com.creditdesk.query.invoice.ReceivablesLedger;
import com.creditdesk.query.invoice.ReceivablesLedger.Span;
import com.creditdesk.query.kpi.CollectionInputs.DayPair;
import com.creditdesk.query.kpi.CollectionInputs.ManagerLedger;
import com.creditdesk.query.kpi.CollectionInputs.StepSums;
import com.creditdesk.query.reporting.ReportingCurrency;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The collection numbers of hand-made sums against figures worked out by hand. */
class CollectionFiguresTest {
    private static final ReportingCurrency RATES = new ReportingCurrency("EUR", Map.of("GBP", new BigDecimal("1.2")),
            LocalDate.parse("2026-11-30"));

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** CALL for SMB: 4 reached in October; paid in full 0, 7, 8 and 31 days after; 15 + 30 GBP within 30 days. */
    private static final StepSums CALLS = new StepSums(Segment.SMB, DunningStep.CALL, "GBP",
            Map.of(d("2026-10-01"), 3L, d("2026-10-20"), 1L, d("2026-09-30"), 2L),
            Map.of(new DayPair(d("2026-10-01"), d("2026-10-01")), 1L, new DayPair(d("2026-10-01"), d("2026-10-08")), 1L,
                    new DayPair(d("2026-10-01"), d("2026-11-01")), 1L, new DayPair(d("2026-10-20"), d("2026-10-28")), 1L),
            Map.of(new DayPair(d("2026-10-01"), d("2026-10-08")), new BigDecimal("15.00"),
                    new DayPair(d("2026-10-20"), d("2026-10-28")), new BigDecimal("30.00"),
                    new DayPair(d("2026-10-01"), d("2026-11-01")), new BigDecimal("99.00")));

    @Test
    void cureRatesCountThePaidWithinEachWindowOfTheStepsReachedInTheMonths() {
        CureRate october = CollectionLifecycleTest.cure(CollectionFigures.cureRates(List.of(CALLS), d("2026-10-01"),
                d("2026-10-31"), d("2026-11-30"), RATES.over(List.of("GBP")), RATES), DunningStep.CALL, Segment.SMB);
        assertThat(october).isEqualTo(new CureRate(DunningStep.CALL, Segment.SMB, 4, 2, 3, 3, new BigDecimal("0.500"),
                new BigDecimal("0.750"), new BigDecimal("0.750"), new BigDecimal("54.00")));
        CureRate asOfThe10th = CollectionLifecycleTest.cure(CollectionFigures.cureRates(List.of(CALLS), d("2026-10-01"),
                d("2026-10-10"), d("2026-10-10"), RATES.over(List.of("GBP")), RATES), DunningStep.CALL, Segment.SMB);
        assertThat(asOfThe10th).as("3 reached by the 10th, 2 paid by then")
                .isEqualTo(new CureRate(DunningStep.CALL, Segment.SMB, 3, 2, 2, 2, new BigDecimal("0.667"),
                        new BigDecimal("0.667"), new BigDecimal("0.667"), new BigDecimal("18.00")));
    }

    @Test
    void managersBookedCollectedOverdueShareAndDsoAtTheEnd() {
        // 1 000 invoiced 1 Sept due 1 Oct, 400 settled 10 Oct; 600 invoiced 1 Nov due 1 Dec
        TreeMap<LocalDate, BigDecimal> invoiced = new TreeMap<>(Map.of(d("2026-09-01"), new BigDecimal("1000"),
                d("2026-11-01"), new BigDecimal("600")));
        TreeMap<LocalDate, BigDecimal> settled = new TreeMap<>(Map.of(d("2026-10-10"), new BigDecimal("400")));
        ReceivablesLedger.History history = new ReceivablesLedger.History(invoiced, settled, Map.of(
                new Span(d("2026-09-01"), d("2026-10-01")), new BigDecimal("1000"),
                new Span(d("2026-11-01"), d("2026-12-01")), new BigDecimal("600")));
        ManagerLedger ledger = new ManagerLedger("sales1", "EUR", history,
                new TreeMap<>(Map.of(d("2026-08-15"), new BigDecimal("2000"), d("2026-11-02"), new BigDecimal("700"))),
                new TreeMap<>(Map.of(d("2026-10-10"), new BigDecimal("400"))));
        CollectionNumbers numbers = CollectionFigures.of(d("2026-11-15"), new CollectionInputs(List.of(), List.of(ledger)),
                RATES);
        // booked 2 000 + 700 in December 2025 – November 2026; open 1 200 on 15 Nov, 600 overdue; invoiced in the
        // 90 days up to it (from 17 August): 1 600 → 1 200 × 90 ÷ 1 600
        assertThat(numbers.accountManagers()).containsExactly(new ManagerNumbers("sales1", new BigDecimal("2700.00"),
                new BigDecimal("400.00"), new BigDecimal("1200.00"), new BigDecimal("600.00"), new BigDecimal("0.500"),
                new BigDecimal("67.5")));
        assertThat(numbers.monthly().get(10).month()).isEqualTo("2026-10");
        // end of October: 600 open, all overdue; 1 000 invoiced in the 90 days → 54.0
        assertThat(numbers.monthly().get(10).accountManagers()).containsExactly(new ManagerNumbers("sales1",
                new BigDecimal("0.00"), new BigDecimal("400.00"), new BigDecimal("600.00"), new BigDecimal("600.00"),
                new BigDecimal("1.000"), new BigDecimal("54.0")));
        assertThat(numbers.monthly().get(0).month()).as("the 12 months up to November 2026")
                .isEqualTo("2025-12");
    }

    @Test
    void aCurrencyWithoutARateLeavesTheAmountsNull() {
        StepSums sek = new StepSums(Segment.PUBLIC, DunningStep.REMINDER_1, "SEK", Map.of(d("2026-10-01"), 1L), Map.of(),
                Map.of());
        CollectionNumbers numbers = CollectionFigures.of(d("2026-11-15"), new CollectionInputs(List.of(sek), List.of()), RATES);
        assertThat(numbers.reporting().missingRates()).containsExactly("SEK");
        assertThat(CollectionLifecycleTest.cure(numbers.cureRates(), DunningStep.REMINDER_1, Segment.PUBLIC))
                .isEqualTo(new CureRate(DunningStep.REMINDER_1, Segment.PUBLIC, 1, 0, 0, 0, new BigDecimal("0.000"),
                        new BigDecimal("0.000"), new BigDecimal("0.000"), null));
    }
}
