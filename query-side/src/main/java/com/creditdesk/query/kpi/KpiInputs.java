package com.creditdesk.query.kpi;

import com.creditdesk.query.invoice.ReceivablesLedger;
import com.creditdesk.query.invoice.ReceivablesLedger.Span;
import com.creditdesk.query.kpi.KpiFacts.ApplicationDecided;
import com.creditdesk.query.kpi.KpiFacts.ApplicationFacts;
import com.creditdesk.query.kpi.KpiFacts.CustomerReviews;
import com.creditdesk.query.kpi.KpiFacts.DueReview;
import com.creditdesk.query.kpi.KpiFacts.InvoiceFacts;
import com.creditdesk.query.kpi.KpiFacts.OrderFacts;
import com.creditdesk.query.kpi.KpiFacts.Settlement;
import com.creditdesk.query.kpi.KpiFacts.SignalFacts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the KPIs of a period [from, to) are worked out from: the receivables as sums per day (per currency), the
 * orders placed and blocked in the period, the minutes of the release decisions taken in it, its
 * sales signals with their customers' invoices, the credit applications whose decision became final in it, and the
 * periodic reviews due on its days (with the plans whose day falls in it: whether that day has come is for
 * {@link KpiFigures} to say, on the day it is asked). The projection reads them as kept sums and indexed facts
 * ({@link KpiProjection}); {@link #of} works them out from every fact, the slow way they must equal.
 */
record KpiInputs(Map<String, ReceivablesLedger.History> receivables, long placed, long blocked, List<Long> releaseMinutes,
                 List<SignalFacts> signals, Map<String, List<InvoiceFacts>> invoicesOf,
                 List<ApplicationDecided> applicationDecisions, List<DueReview> reviews) {

    static KpiInputs of(Instant from, Instant to, List<InvoiceFacts> invoices, List<OrderFacts> orders,
                        List<SignalFacts> signals, List<ApplicationFacts> applications, List<CustomerReviews> reviews) {
        List<OrderFacts> placed = orders.stream().filter(o -> within(o.placedAt(), from, to)).toList();
        List<Long> minutes = orders.stream()
                .filter(o -> o.releaseRequestedAt() != null && within(o.releaseDecidedAt(), from, to))
                .map(o -> Duration.between(o.releaseRequestedAt(), o.releaseDecidedAt()).toMinutes()).toList();
        List<SignalFacts> reported = signals.stream().filter(s -> within(s.at(), from, to)).toList();
        Map<String, List<InvoiceFacts>> invoicesOf = new HashMap<>();
        reported.forEach(signal -> invoicesOf.put(signal.customerId(),
                invoices.stream().filter(i -> i.customerId().equals(signal.customerId())).toList()));
        List<ApplicationDecided> decided = applications.stream()
                .filter(a -> a.filedAt() != null && a.decision() != null && within(a.decidedAt(), from, to))
                .map(a -> new ApplicationDecided(a.decision(), Duration.between(a.filedAt(), a.decidedAt()).toMinutes()))
                .toList();
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
        List<DueReview> due = reviews.stream().flatMap(customer -> customer.dueOrPlanned().stream())
                .filter(review -> onDayOf(review.dueOn(), firstDay, lastDay)).toList();
        return new KpiInputs(receivables(invoices), placed.size(), placed.stream().filter(OrderFacts::blocked).count(),
                minutes, reported, invoicesOf, decided, due);
    }

    /** The day lies between the period's first and last day (both included). */
    static boolean onDayOf(LocalDate day, LocalDate firstDay, LocalDate lastDay) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    /** The sums of {@link ReceivablesLedger} per currency, from every invoice's facts. */
    static Map<String, ReceivablesLedger.History> receivables(List<InvoiceFacts> invoices) {
        Map<String, ReceivablesLedger.History> perCurrency = new TreeMap<>();
        invoices.stream().collect(java.util.stream.Collectors.groupingBy(InvoiceFacts::currency))
                .forEach((currency, list) -> perCurrency.put(currency, inOneCurrency(list)));
        return perCurrency;
    }

    private static ReceivablesLedger.History inOneCurrency(List<InvoiceFacts> invoices) {
        TreeMap<LocalDate, BigDecimal> invoiced = new TreeMap<>();
        TreeMap<LocalDate, BigDecimal> settled = new TreeMap<>();
        Map<Span, BigDecimal> spans = new HashMap<>();
        for (InvoiceFacts invoice : invoices) {
            BigDecimal amount = invoice.amount().setScale(2);
            invoiced.merge(invoice.issueDate(), amount, BigDecimal::add);
            if (!invoice.dueDate().isBefore(invoice.issueDate())) {
                spans.merge(new Span(invoice.issueDate(), invoice.dueDate()), amount, BigDecimal::add);
            }
            for (Settlement settlement : invoice.settlements()) {
                LocalDate day = settlement.on().isBefore(invoice.issueDate()) ? invoice.issueDate() : settlement.on();
                BigDecimal settledAmount = settlement.amount().setScale(2);
                settled.merge(day, settledAmount, BigDecimal::add);
                if (!day.isAfter(invoice.dueDate())) {
                    spans.merge(new Span(day, invoice.dueDate()), settledAmount.negate(), BigDecimal::add);
                }
            }
        }
        spans.values().removeIf(amount -> amount.signum() == 0);
        return new ReceivablesLedger.History(invoiced, settled, spans);
    }

    static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }
}
