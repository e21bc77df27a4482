package com.creditdesk.query.kpi;

import com.creditdesk.api.kpi.KpiQueries.Kpis;
import com.creditdesk.api.kpi.KpiQueries.SignalFollowUp;
import com.creditdesk.query.kpi.KpiFacts.InvoiceFacts;
import com.creditdesk.query.kpi.KpiFacts.OrderFacts;
import com.creditdesk.query.kpi.KpiFacts.SignalFacts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The KPIs of a period, worked out from dated facts only, so a past period gives the same answer
 * whenever it is asked. A period [from, to) covers the days from {@code from} up to the day of the
 * last instant before {@code to}; balances are taken at the end of a day.
 */
final class KpiFigures {
    static final int DSO_DAYS = 90;
    static final int LATE_DAYS = 30;
    static final int SIGNAL_WINDOW_DAYS = 90;

    private KpiFigures() {
    }

    static Kpis of(Instant from, Instant to, LocalDate today, List<InvoiceFacts> invoices, List<OrderFacts> orders,
                   List<SignalFacts> signals) {
        LocalDate firstDay = day(from);
        LocalDate lastDay = day(to.minusNanos(1));
        return new Kpis(from, to, dso(invoices, lastDay), cei(invoices, firstDay, lastDay),
                blockedShare(orders, from, to), medianReleaseHours(orders, from, to),
                signalFollowUps(signals, invoices, from, to, today));
    }

    /** Receivables at the end of {@code day} ÷ invoiced in the 90 days up to it × 90 (as the finance view). */
    static BigDecimal dso(List<InvoiceFacts> invoices, LocalDate day) {
        BigDecimal receivables = receivables(invoices, day, invoice -> true);
        BigDecimal invoiced = invoiced(invoices, day.minusDays(DSO_DAYS), day);
        return invoiced.signum() == 0 ? BigDecimal.ZERO
                : receivables.multiply(BigDecimal.valueOf(DSO_DAYS)).divide(invoiced, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal cei(List<InvoiceFacts> invoices, LocalDate firstDay, LocalDate lastDay) {
        BigDecimal opening = receivables(invoices, firstDay.minusDays(1), invoice -> true);
        BigDecimal invoiced = invoiced(invoices, firstDay, lastDay);
        BigDecimal closing = receivables(invoices, lastDay, invoice -> true);
        BigDecimal notYetDue = receivables(invoices, lastDay, invoice -> !invoice.dueDate().isBefore(lastDay));
        BigDecimal collectible = opening.add(invoiced).subtract(notYetDue);
        return collectible.signum() <= 0 ? null
                : opening.add(invoiced).subtract(closing).multiply(BigDecimal.valueOf(100))
                .divide(collectible, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal blockedShare(List<OrderFacts> orders, Instant from, Instant to) {
        List<OrderFacts> placed = orders.stream().filter(o -> within(o.placedAt(), from, to)).toList();
        long blocked = placed.stream().filter(OrderFacts::blocked).count();
        return placed.isEmpty() ? null
                : BigDecimal.valueOf(blocked).divide(BigDecimal.valueOf(placed.size()), 3, RoundingMode.HALF_UP);
    }

    static BigDecimal medianReleaseHours(List<OrderFacts> orders, Instant from, Instant to) {
        List<Long> minutes = orders.stream()
                .filter(o -> o.releaseRequestedAt() != null && within(o.releaseDecidedAt(), from, to))
                .map(o -> Duration.between(o.releaseRequestedAt(), o.releaseDecidedAt()).toMinutes())
                .sorted().toList();
        if (minutes.isEmpty()) {
            return null;
        }
        int middle = minutes.size() / 2;
        double median = minutes.size() % 2 == 1 ? minutes.get(middle)
                : (minutes.get(middle - 1) + minutes.get(middle)) / 2.0;
        return BigDecimal.valueOf(median).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    static List<SignalFollowUp> signalFollowUps(List<SignalFacts> signals, List<InvoiceFacts> invoices, Instant from,
                                                Instant to, LocalDate today) {
        Map<String, int[]> perManager = new TreeMap<>();
        for (SignalFacts signal : signals) {
            if (!within(signal.at(), from, to)) {
                continue;
            }
            int[] counts = perManager.computeIfAbsent(signal.reportedBy(), manager -> new int[2]);
            counts[0]++;
            if (followedByLatePayment(signal, invoices, today)) {
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

    private static BigDecimal receivables(List<InvoiceFacts> invoices, LocalDate day, Predicate<InvoiceFacts> which) {
        return invoices.stream().filter(which).map(i -> i.balanceOn(day)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal invoiced(List<InvoiceFacts> invoices, LocalDate firstDay, LocalDate lastDay) {
        return invoices.stream().filter(i -> !i.issueDate().isBefore(firstDay) && !i.issueDate().isAfter(lastDay))
                .map(InvoiceFacts::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static LocalDate latest(LocalDate a, LocalDate b, LocalDate c) {
        LocalDate later = a.isAfter(b) ? a : b;
        return later.isAfter(c) ? later : c;
    }
}
