package com.creditdesk.command.signal;

import com.creditdesk.api.account.RiskClass;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.Period;

/**
 * How often an account of each risk class is reviewed ({@code creditdesk.reviews.high|medium|low}, ISO periods):
 * HIGH monthly, MEDIUM quarterly, LOW yearly.
 */
@ConfigurationProperties("creditdesk.reviews")
public record ReviewCycles(@DefaultValue("P1M") Period high, @DefaultValue("P3M") Period medium,
                           @DefaultValue("P1Y") Period low) {

    public static final ReviewCycles STANDARD = new ReviewCycles(Period.ofMonths(1), Period.ofMonths(3),
            Period.ofYears(1));

    public LocalDate nextReview(RiskClass riskClass, LocalDate from) {
        return from.plus(switch (riskClass) {
            case HIGH -> high;
            case MEDIUM -> medium;
            case LOW -> low;
        });
    }
}
