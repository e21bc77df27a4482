package com.creditdesk.api.kpi;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.common.Reporting;
import com.creditdesk.api.dunning.DunningStep;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The numbers that steer collections: cure rates per dunning step and segment, and sales against cash per account manager. */
public final class CollectionQueries {
    private CollectionQueries() {
    }

    /** The 12 calendar months ending with the month of {@code asOf}, counted up to the end of {@code asOf}. */
    public record GetCollectionNumbers(LocalDate asOf) {
    }

    /**
     * {@code months}: the 12 months ({@code 2026-01}), oldest first. {@code cureRates}: over those months, one per
     * step and segment; {@code accountManagers}: booked and collected over those months, open and overdue balance and
     * DSO at {@code asOf}; {@code monthly}: the same per month (balances at the month's end, or {@code asOf} in its
     * month). Amounts are converted into the reporting currency as {@code reporting} states (null when a rate is missing).
     */
    public record CollectionNumbers(LocalDate asOf, List<String> months, Reporting reporting, List<CureRate> cureRates,
                                    List<ManagerNumbers> accountManagers, List<MonthNumbers> monthly) {
    }

    /** One month: its cure rates (the steps and segments reached in it) and its account managers' figures. */
    public record MonthNumbers(String month, LocalDate end, List<CureRate> cureRates,
                               List<ManagerNumbers> accountManagers, BigDecimal booked, BigDecimal collected) {
    }

    /**
     * The invoices that reached {@code step} in the months counted ({@code reached}), those paid in full (payments
     * and credit notes) within 7, 14 and 30 days after the step's day, their shares of those reached (0–1, null when
     * none reached it), and what was collected on them within 30 days after it. Only what happened by {@code asOf}
     * counts: a step reached less than 30 days before it may still be cured.
     */
    public record CureRate(DunningStep step, Segment segment, int reached, int paidWithin7, int paidWithin14,
                           int paidWithin30, BigDecimal cureRate7, BigDecimal cureRate14, BigDecimal cureRate30,
                           BigDecimal collectedWithin30) {
    }

    /**
     * An account manager's customers: {@code booked}, orders accepted or released (by the day of the decision);
     * {@code collected}, payments received (by the day received); at the end, {@code openBalance} and
     * {@code overdueBalance} (past the due date), {@code overdueShare} = overdue ÷ open (null when nothing is open), and
     * {@code dso} as the KPIs' (receivables ÷ invoiced in the 90 days up to the end × 90), over their customers only.
     */
    public record ManagerNumbers(String accountManager, BigDecimal booked, BigDecimal collected,
                                 BigDecimal openBalance, BigDecimal overdueBalance, BigDecimal overdueShare,
                                 BigDecimal dso) {
    }
}
