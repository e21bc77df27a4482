package com.creditdesk.command.dunning;

import com.creditdesk.api.account.Segment;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * Courtesy calls before the due date ({@code creditdesk.courtesy-calls}).
 *
 * @param daysBeforeDueSmb        days before the due date an SMB customer is called
 * @param daysBeforeDueEnterprise the same for an ENTERPRISE customer
 * @param daysBeforeDuePublic     the same for a PUBLIC customer
 * @param newCustomerFor          how long after opening an account counts as a new customer
 * @param lookBack                how far back broken promises and late payments count
 * @param latePayments            how many invoices paid late within {@code lookBack} make it repeated
 */
@ConfigurationProperties("creditdesk.courtesy-calls")
public record CourtesyCallSettings(@DefaultValue("3") int daysBeforeDueSmb,
                                   @DefaultValue("5") int daysBeforeDueEnterprise,
                                   @DefaultValue("7") int daysBeforeDuePublic,
                                   @DefaultValue("P6M") Period newCustomerFor,
                                   @DefaultValue("P1Y") Period lookBack,
                                   @DefaultValue("2") int latePayments) {

    public static final CourtesyCallSettings STANDARD = new CourtesyCallSettings(3, 5, 7, Period.ofMonths(6),
            Period.ofYears(1), 2);

    public int daysBeforeDue(Segment segment) {
        return switch (segment) {
            case SMB -> daysBeforeDueSmb;
            case ENTERPRISE -> daysBeforeDueEnterprise;
            case PUBLIC -> daysBeforeDuePublic;
        };
    }
}
