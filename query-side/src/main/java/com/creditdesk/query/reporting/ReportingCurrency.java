package com.creditdesk.query.reporting;

import com.creditdesk.api.common.Reporting;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The currency in which figures over several currencies are given, and the rates that bring the
 * others into it: {@code rates.GBP = 1.1650} means one GBP counts as 1.1650 of the reporting currency,
 * as fixed on {@code ratesAsOf}. Every answer that converts states the rates it used; a currency
 * without a rate is never added in: the converted figures are then absent and the answer names it.
 */
@ConfigurationProperties("creditdesk.reporting")
public record ReportingCurrency(String currency, Map<String, BigDecimal> rates,
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate ratesAsOf) {

    public ReportingCurrency {
        currency = currency == null ? "EUR" : currency;
        rates = rates == null ? Map.of() : Map.copyOf(rates);
    }

    /** How much of the reporting currency {@code amount} of {@code from} is, if there is a rate. */
    public BigDecimal convert(BigDecimal amount, String from) {
        if (currency.equals(from)) {
            return amount;
        }
        BigDecimal rate = rates.get(from);
        if (rate == null) {
            throw new IllegalArgumentException("no rate for " + from);
        }
        return amount.multiply(rate);
    }

    public boolean converts(String from) {
        return currency.equals(from) || rates.containsKey(from);
    }

    /** What an answer over {@code currencies} says of its conversion. */
    public Reporting over(Collection<String> currencies) {
        Map<String, BigDecimal> used = new TreeMap<>();
        List<String> missing = currencies.stream().filter(c -> !converts(c)).sorted().toList();
        currencies.stream().filter(c -> !currency.equals(c) && rates.containsKey(c))
                .forEach(c -> used.put(c, rates.get(c)));
        return new Reporting(currency, used, used.isEmpty() ? null : ratesAsOf, missing);
    }

    public static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }
}
