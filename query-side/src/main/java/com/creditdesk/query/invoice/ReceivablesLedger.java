package com.creditdesk.query.invoice;

import com.creditdesk.query.common.DatedSums;
import com.mongodb.client.MongoDatabase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receivables as sums per day, kept as invoices are issued and settled, so finance's figures and
 * the KPIs add up a few hundred sums instead of reading every invoice:
 * <ul>
 *   <li>{@code issued}: invoiced per issue day; {@code open}: still open per due day (the ageing of any
 *       day is a sum over due days);</li>
 *   <li>{@code settled}: settled per day (payments on the day received, credit notes on the day granted,
 *       never before the invoice's issue day); {@code spans}: per "from|due" day pair the amount that was
 *       open and not yet due from that day to the due day (an issue adds, a settlement before the due
 *       day takes off): what was not yet due on a day.</li>
 * </ul>
 * Amounts in cents, per currency.
 */
public final class ReceivablesLedger {
    private final DatedSums current;
    private final DatedSums history;

    ReceivablesLedger(MongoDatabase database) {
        this.current = new DatedSums(database.getCollection("receivables_current"), DatedSums.Period.MONTH);
        this.history = new DatedSums(database.getCollection("receivables_history"), DatedSums.Period.MONTH);
    }

    void issued(String event, String currency, LocalDate issueDate, LocalDate dueDate, BigDecimal amount) {
        long cents = cents(amount);
        current.add(event, currency, issueDate, "issued", issueDate.toString(), cents);
        current.add(event, currency, dueDate, "open", dueDate.toString(), cents);
        if (!dueDate.isBefore(issueDate)) {
            history.add(event, currency, issueDate, "spans", issueDate + "|" + dueDate, cents);
        }
    }

    void settled(String event, String currency, LocalDate issueDate, LocalDate dueDate, LocalDate on,
                 BigDecimal amount) {
        long cents = cents(amount);
        LocalDate day = on.isBefore(issueDate) ? issueDate : on;
        current.add(event, currency, dueDate, "open", dueDate.toString(), -cents);
        history.add(event, currency, day, "settled", day.toString(), cents);
        if (!day.isAfter(dueDate)) {
            history.add(event, currency, day, "spans", day + "|" + dueDate, -cents);
        }
    }

    void clear() {
        current.clear();
        history.clear();
    }

    /** Finance's sums as they stand: per currency, open per due day and invoiced per issue day. */
    public Map<String, Current> current() {
        Map<String, Current> perCurrency = new TreeMap<>();
        current.all("issued", "open").sums().forEach((currency, sums) -> perCurrency.put(currency,
                new Current(days(sums.get("open")), days(sums.get("issued")))));
        return perCurrency;
    }

    /** Everything the KPIs of any period need, per currency. */
    public Map<String, History> history() {
        Map<String, History> perCurrency = new TreeMap<>();
        Map<String, Map<String, Map<String, Long>>> issued = current.all("issued").sums();
        Map<String, Map<String, Map<String, Long>>> later = history.all("settled", "spans").sums();
        java.util.Set<String> currencies = new java.util.TreeSet<>(issued.keySet());
        currencies.addAll(later.keySet());
        for (String currency : currencies) {
            Map<String, Map<String, Long>> a = issued.getOrDefault(currency, Map.of());
            Map<String, Map<String, Long>> b = later.getOrDefault(currency, Map.of());
            Map<Span, BigDecimal> spans = new HashMap<>();
            b.getOrDefault("spans", Map.of()).forEach((key, cents) -> spans.put(new Span(
                    LocalDate.parse(key.substring(0, 10)), LocalDate.parse(key.substring(11))), money(cents)));
            perCurrency.put(currency, new History(days(a.get("issued")), days(b.get("settled")), spans));
        }
        return perCurrency;
    }

    /** Open per due day and invoiced per issue day, as they stand. */
    public record Current(TreeMap<LocalDate, BigDecimal> openByDueDay, TreeMap<LocalDate, BigDecimal> invoicedByDay) {
    }

    /** Invoiced and settled per day, and the not-yet-due spans. */
    public record History(TreeMap<LocalDate, BigDecimal> invoicedByDay, TreeMap<LocalDate, BigDecimal> settledByDay,
                          Map<Span, BigDecimal> notYetDueSpans) {
    }

    /** The days from {@code from} to {@code due}, both included. */
    public record Span(LocalDate from, LocalDate due) {
        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(due);
        }
    }

    private static TreeMap<LocalDate, BigDecimal> days(Map<String, Long> sums) {
        TreeMap<LocalDate, BigDecimal> days = new TreeMap<>();
        if (sums != null) {
            sums.forEach((day, cents) -> {
                if (cents != 0) {
                    days.put(LocalDate.parse(day), money(cents));
                }
            });
        }
        return days;
    }

    static long cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    static BigDecimal money(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
