package com.creditdesk.query.kpi;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.common.Reporting;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.kpi.CollectionQueries.CollectionNumbers;
import com.creditdesk.api.kpi.CollectionQueries.CureRate;
import com.creditdesk.api.kpi.CollectionQueries.ManagerNumbers;
import com.creditdesk.api.kpi.CollectionQueries.MonthNumbers;
import com.creditdesk.query.invoice.ReceivablesLedger;
import com.creditdesk.query.kpi.CollectionInputs.DayPair;
import com.creditdesk.query.kpi.CollectionInputs.ManagerLedger;
import com.creditdesk.query.kpi.CollectionInputs.StepSums;
import com.creditdesk.query.reporting.ReportingCurrency;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The numbers that steer collections over the 12 months ending with the month of {@code asOf}, from kept sums only:
 * nothing that happened after {@code asOf} counts, so a past date gives the same answer whenever it is asked.
 */
final class CollectionFigures {
    static final int MONTHS = 12;
    static final List<Integer> CURE_DAYS = List.of(7, 14, 30);

    private CollectionFigures() {
    }

    static CollectionNumbers of(LocalDate asOf, CollectionInputs inputs, ReportingCurrency reporting) {
        YearMonth last = YearMonth.from(asOf);
        List<YearMonth> months = Stream.iterate(last.minusMonths(MONTHS - 1L), m -> m.plusMonths(1)).limit(MONTHS).toList();
        Set<String> currencies = new TreeSet<>();
        inputs.steps().forEach(s -> currencies.add(s.currency()));
        inputs.managers().forEach(m -> currencies.add(m.currency()));
        Reporting conversion = reporting.over(currencies);
        LocalDate first = months.get(0).atDay(1);
        List<MonthNumbers> monthly = new ArrayList<>();
        for (YearMonth month : months) {
            LocalDate end = month.equals(last) ? asOf : month.atEndOfMonth();
            List<CureRate> cures = cureRates(inputs.steps(), month.atDay(1), end, asOf, conversion, reporting).stream()
                    .filter(c -> c.reached() > 0).toList();
            List<ManagerNumbers> managers = managers(inputs.managers(), month.atDay(1), end, conversion, reporting);
            monthly.add(new MonthNumbers(month.toString(), end, cures, managers,
                    total(managers, ManagerNumbers::booked, conversion), total(managers, ManagerNumbers::collected, conversion)));
        }
        return new CollectionNumbers(asOf, months.stream().map(YearMonth::toString).toList(), conversion,
                cureRates(inputs.steps(), first, asOf, asOf, conversion, reporting),
                managers(inputs.managers(), first, asOf, conversion, reporting), monthly);
    }

    /** Every step and segment, over the steps reached from {@code from} to {@code to}, paid by {@code asOf}. */
    static List<CureRate> cureRates(List<StepSums> sums, LocalDate from, LocalDate to, LocalDate asOf,
                                    Reporting conversion, ReportingCurrency reporting) {
        List<CureRate> rates = new ArrayList<>();
        for (DunningStep step : DunningStep.values()) {
            for (Segment segment : Segment.values()) {
                List<StepSums> these = sums.stream().filter(s -> s.step() == step && s.segment() == segment).toList();
                long reached = these.stream().flatMap(s -> s.reached().entrySet().stream())
                        .filter(e -> between(e.getKey(), from, to)).mapToLong(Map.Entry::getValue).sum();
                long[] cured = new long[CURE_DAYS.size()];
                BigDecimal collected = BigDecimal.ZERO;
                for (StepSums s : these) {
                    for (Map.Entry<DayPair, Long> e : s.cured().entrySet()) {
                        if (counts(e.getKey(), from, to, asOf)) {
                            long days = ChronoUnit.DAYS.between(e.getKey().stepOn(), e.getKey().paidOn());
                            for (int i = 0; i < cured.length; i++) {
                                if (days <= CURE_DAYS.get(i)) {
                                    cured[i] += e.getValue();
                                }
                            }
                        }
                    }
                    BigDecimal amount = s.collected().entrySet().stream()
                            .filter(e -> counts(e.getKey(), from, to, asOf) && days(e.getKey()) <= 30)
                            .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
                    collected = conversion.complete() ? collected.add(reporting.convert(amount, s.currency())) : null;
                    if (collected == null) {
                        break;
                    }
                }
                rates.add(new CureRate(step, segment, (int) reached, (int) cured[0], (int) cured[1], (int) cured[2],
                        share(cured[0], reached), share(cured[1], reached), share(cured[2], reached),
                        collected == null ? null : collected.setScale(2, RoundingMode.HALF_UP)));
            }
        }
        return rates;
    }

    private static boolean counts(DayPair pair, LocalDate from, LocalDate to, LocalDate asOf) {
        return between(pair.stepOn(), from, to) && !pair.paidOn().isAfter(asOf);
    }

    private static long days(DayPair pair) {
        return ChronoUnit.DAYS.between(pair.stepOn(), pair.paidOn());
    }

    /** Per account manager: booked and collected from {@code from} to {@code end}; balances and DSO at {@code end}. */
    static List<ManagerNumbers> managers(List<ManagerLedger> ledgers, LocalDate from, LocalDate end,
                                         Reporting conversion, ReportingCurrency reporting) {
        Map<String, List<ManagerLedger>> perManager = ledgers.stream()
                .collect(Collectors.groupingBy(ManagerLedger::accountManager, TreeMap::new, Collectors.toList()));
        List<ManagerNumbers> numbers = new ArrayList<>();
        perManager.forEach((manager, theirs) -> {
            if (!conversion.complete()) {
                numbers.add(new ManagerNumbers(manager, null, null, null, null, null, null));
                return;
            }
            BigDecimal booked = BigDecimal.ZERO;
            BigDecimal collected = BigDecimal.ZERO;
            Map<String, ReceivablesLedger.History> histories = new TreeMap<>();
            for (ManagerLedger ledger : theirs) {
                booked = booked.add(reporting.convert(sum(ledger.booked(), from, end), ledger.currency()));
                collected = collected.add(reporting.convert(sum(ledger.collected(), from, end), ledger.currency()));
                histories.put(ledger.currency(), ledger.receivables());
            }
            ReceivablesLedger.History converted = KpiFigures.converted(histories, reporting);
            BigDecimal open = sum(converted.invoicedByDay(), null, end).subtract(sum(converted.settledByDay(), null, end));
            BigDecimal notYetDue = converted.notYetDueSpans().entrySet().stream().filter(s -> s.getKey().covers(end))
                    .map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal overdue = open.subtract(notYetDue).max(BigDecimal.ZERO);
            numbers.add(new ManagerNumbers(manager, money(booked), money(collected), money(open), money(overdue),
                    open.signum() <= 0 ? null : overdue.divide(open, 3, RoundingMode.HALF_UP),
                    KpiFigures.dso(converted, end)));
        });
        return numbers;
    }

    private static BigDecimal total(List<ManagerNumbers> managers, Function<ManagerNumbers, BigDecimal> figure,
                                    Reporting conversion) {
        return conversion.complete() ? money(managers.stream().map(figure).reduce(BigDecimal.ZERO, BigDecimal::add)) : null;
    }

    /** The amounts of the days from {@code from} (null: from the first) to {@code to}, both included. */
    private static BigDecimal sum(TreeMap<LocalDate, BigDecimal> perDay, LocalDate from, LocalDate to) {
        Map<LocalDate, BigDecimal> days = from == null ? perDay.headMap(to, true)
                : from.isAfter(to) ? Map.of() : perDay.subMap(from, true, to, true);
        return days.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean between(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** {@code part} ÷ {@code whole} (0–1, three decimals), null when the whole is 0. */
    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
