package com.creditdesk.query.kpi;

import com.creditdesk.api.application.ApplicationDecision;
import com.creditdesk.api.common.Reporting;
import com.creditdesk.api.kpi.KpiQueries.ApplicationKpis;
import com.creditdesk.api.kpi.KpiQueries.CurrencyKpis;
import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.api.kpi.KpiQueries.ReviewKpis;
import com.creditdesk.api.kpi.KpiQueries.SignalFollowUp;
import com.creditdesk.query.invoice.ReceivablesLedger;
import com.creditdesk.query.kpi.KpiFacts.ApplicationDecided;
import com.creditdesk.query.kpi.KpiFacts.ApplicationFacts;
import com.creditdesk.query.kpi.KpiFacts.CustomerReviews;
import com.creditdesk.query.kpi.KpiFacts.DueReview;
import com.creditdesk.query.kpi.KpiFacts.InvoiceFacts;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.creditdesk.query.kpi.KpiFacts.OrderFacts;
import com.creditdesk.query.kpi.KpiFacts.SignalFacts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The KPIs of a period, worked out from dated facts only, so a past period gives the same answer
 * whenever it is asked. A period [from, to) covers the days from {@code from} up to the day of the
 * last instant before {@code to}; balances are taken at the end of a day.
 */
final class KpiFigures {
    static final int DSO_DAYS = 90;
    static final int LATE_DAYS = 30;
    static final int SIGNAL_WINDOW_DAYS = 90;
    /**
     * A periodic review concluded at the latest this many days after its due day was concluded on time: a week to
     * gather the figures and visit, as the timer opens the review on the day itself.
     */
    static final int REVIEW_GRACE_DAYS = 7;

    private KpiFigures() {
    }

    static Kpis of(Instant from, Instant to, LocalDate today, List<InvoiceFacts> invoices, List<OrderFacts> orders,
                   List<SignalFacts> signals, List<ApplicationFacts> applications, List<CustomerReviews> reviews,
                   ReportingCurrency reporting) {
        return of(from, to, today, KpiInputs.of(from, to, invoices, orders, signals, applications, reviews), reporting);
    }

    /** DSO and CEI per currency and, converted, over all of them; the rest counts orders, signals, applications and reviews. */
    static Kpis of(Instant from, Instant to, LocalDate today, KpiInputs inputs, ReportingCurrency reporting) {
        LocalDate firstDay = day(from);
        LocalDate lastDay = day(to.minusNanos(1));
        Reporting conversion = reporting.over(inputs.receivables().keySet());
        ReceivablesLedger.History converted = conversion.complete() ? converted(inputs.receivables(), reporting) : null;
        List<CurrencyKpis> perCurrency = inputs.receivables().entrySet().stream()
                .map(e -> new CurrencyKpis(e.getKey(), dso(e.getValue(), lastDay), cei(e.getValue(), firstDay, lastDay)))
                .toList();
        return new Kpis(from, to, converted == null ? null : dso(converted, lastDay),
                converted == null ? null : cei(converted, firstDay, lastDay),
                blockedShare(inputs.placed(), inputs.blocked()), medianHours(inputs.releaseMinutes()),
                signalFollowUps(inputs.signals(), inputs.invoicesOf(), today), conversion, perCurrency,
                applications(inputs.applicationDecisions()), periodicReviews(inputs.reviews(), today));
    }

    /** The sums of every currency brought into the reporting currency and added. */
    static ReceivablesLedger.History converted(Map<String, ReceivablesLedger.History> perCurrency,
                                                       ReportingCurrency reporting) {
        TreeMap<LocalDate, BigDecimal> invoiced = new TreeMap<>();
        TreeMap<LocalDate, BigDecimal> settled = new TreeMap<>();
        Map<ReceivablesLedger.Span, BigDecimal> spans = new HashMap<>();
        perCurrency.forEach((currency, history) -> {
            history.invoicedByDay().forEach((day, amount) -> invoiced.merge(day, reporting.convert(amount, currency),
                    BigDecimal::add));
            history.settledByDay().forEach((day, amount) -> settled.merge(day, reporting.convert(amount, currency),
                    BigDecimal::add));
            history.notYetDueSpans().forEach((span, amount) -> spans.merge(span, reporting.convert(amount, currency),
                    BigDecimal::add));
        });
        return new ReceivablesLedger.History(invoiced, settled, spans);
    }

    /**
     * Receivables at the end of {@code day} ÷ invoiced in the 90 days up to it × 90 (as the finance view);
     * null when nothing was invoiced then.
     */
    static BigDecimal dso(ReceivablesLedger.History receivables, LocalDate day) {
        BigDecimal open = receivables(receivables, day);
        BigDecimal invoiced = invoiced(receivables, day.minusDays(DSO_DAYS), day);
        return invoiced.signum() == 0 ? null
                : open.multiply(BigDecimal.valueOf(DSO_DAYS)).divide(invoiced, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal cei(ReceivablesLedger.History receivables, LocalDate firstDay, LocalDate lastDay) {
        BigDecimal opening = receivables(receivables, firstDay.minusDays(1));
        BigDecimal invoiced = invoiced(receivables, firstDay, lastDay);
        BigDecimal closing = receivables(receivables, lastDay);
        BigDecimal notYetDue = receivables.notYetDueSpans().entrySet().stream()
                .filter(span -> span.getKey().covers(lastDay)).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal collectible = opening.add(invoiced).subtract(notYetDue);
        return collectible.signum() <= 0 ? null
                : opening.add(invoiced).subtract(closing).multiply(BigDecimal.valueOf(100))
                .divide(collectible, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal blockedShare(long placed, long blocked) {
        return share(placed, blocked);
    }

    /** {@code part} ÷ {@code whole} (0–1, three decimals), null when the whole is 0. */
    private static BigDecimal share(long whole, long part) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    /** Per outcome, and the median hours from filing to the final decision. */
    static ApplicationKpis applications(List<ApplicationDecided> decided) {
        Map<ApplicationDecision, Integer> perOutcome = new java.util.EnumMap<>(ApplicationDecision.class);
        decided.forEach(application -> perOutcome.merge(application.decision(), 1, Integer::sum));
        return new ApplicationKpis(decided.size(), perOutcome.getOrDefault(ApplicationDecision.APPROVE, 0),
                perOutcome.getOrDefault(ApplicationDecision.APPROVE_WITH_SECURITY, 0),
                perOutcome.getOrDefault(ApplicationDecision.DECLINE, 0),
                medianHours(decided.stream().map(ApplicationDecided::minutes).toList()));
    }

    /**
     * The reviews whose due day has come by {@code today}, and those concluded at the latest
     * {@link #REVIEW_GRACE_DAYS} days after it.
     */
    static ReviewKpis periodicReviews(List<DueReview> reviews, LocalDate today) {
        List<DueReview> due = reviews.stream().filter(review -> !review.dueOn().isAfter(today)).toList();
        long onTime = due.stream().filter(review -> review.concludedAt() != null
                && !day(review.concludedAt()).isAfter(review.dueOn().plusDays(REVIEW_GRACE_DAYS))).count();
        return new ReviewKpis(due.size(), (int) onTime, share(due.size(), onTime), REVIEW_GRACE_DAYS);
    }

    /** The median of the minutes, in hours with one decimal; null when there are none. */
    static BigDecimal medianHours(List<Long> decisionMinutes) {
        List<Long> minutes = decisionMinutes.stream().sorted().toList();
        if (minutes.isEmpty()) {
            return null;
        }
        int middle = minutes.size() / 2;
        double median = minutes.size() % 2 == 1 ? minutes.get(middle)
                : (minutes.get(middle - 1) + minutes.get(middle)) / 2.0;
        return BigDecimal.valueOf(median).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    /** Per account manager, over the period's signals and their customers' invoices. */
    static List<SignalFollowUp> signalFollowUps(List<SignalFacts> signals, Map<String, List<InvoiceFacts>> invoicesOf,
                                                LocalDate today) {
        Map<String, int[]> perManager = new TreeMap<>();
        for (SignalFacts signal : signals) {
            int[] counts = perManager.computeIfAbsent(signal.reportedBy(), manager -> new int[2]);
            counts[0]++;
            if (followedByLatePayment(signal, invoicesOf.getOrDefault(signal.customerId(), List.of()), today)) {
                counts[1]++;
            }
        }
        return perManager.entrySet().stream()
                .map(e -> new SignalFollowUp(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    /**
     * An invoice of the customer was more than 30 days past due on some day within the 90 days after
     * the signal (up to today): on the first such day (the later of the day after the signal and the
     * 31st day past due) it still had a balance; balances only go down, so that day decides.
     */
    static boolean followedByLatePayment(SignalFacts signal, List<InvoiceFacts> invoices, LocalDate today) {
        LocalDate signalled = day(signal.at());
        LocalDate windowEnd = signalled.plusDays(SIGNAL_WINDOW_DAYS).isBefore(today)
                ? signalled.plusDays(SIGNAL_WINDOW_DAYS) : today;
        return invoices.stream().filter(i -> i.customerId().equals(signal.customerId())).anyMatch(invoice -> {
            LocalDate firstLateDay = latest(signalled.plusDays(1), invoice.dueDate().plusDays(LATE_DAYS + 1L),
                    invoice.issueDate());
            return !firstLateDay.isAfter(windowEnd) && invoice.balanceOn(firstLateDay).signum() > 0;
        });
    }

    /** What was open at the end of {@code day}: invoiced up to it less settled up to it. */
    private static BigDecimal receivables(ReceivablesLedger.History receivables, LocalDate day) {
        return sum(receivables.invoicedByDay().headMap(day, true))
                .subtract(sum(receivables.settledByDay().headMap(day, true)));
    }

    private static BigDecimal invoiced(ReceivablesLedger.History receivables, LocalDate firstDay, LocalDate lastDay) {
        return firstDay.isAfter(lastDay) ? BigDecimal.ZERO
                : sum(receivables.invoicedByDay().subMap(firstDay, true, lastDay, true));
    }

    private static BigDecimal sum(Map<LocalDate, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate later = a.isAfter(b) ? a : b;
        return later.isAfter(c) ? later : c;
    }
}
