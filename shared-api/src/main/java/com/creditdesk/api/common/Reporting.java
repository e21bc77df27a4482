package com.creditdesk.api.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How figures over several currencies were brought into one: {@code rates} (one unit of the key is
 * that much of {@code currency}) fixed on {@code ratesAsOf}; {@code missingRates}: currencies present
 * without a rate, which no converted figure adds in (those figures are then null).
 */
public record Reporting(String currency, Map<String, BigDecimal> rates, LocalDate ratesAsOf,
                        List<String> missingRates) {
    public Reporting {
        rates = Map.copyOf(rates);
        missingRates = List.copyOf(missingRates);
    }

    public boolean complete() {
        return missingRates.isEmpty();
    }
}
