package com.creditdesk.api.kpi;

import com.creditdesk.api.common.Reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public final class KpiQueries {
    private KpiQueries() {
    }

    /** The KPIs of the period [{@code from}, {@code to}). */
    public record GetKpis(Instant from, Instant to) {
    }

    /**
     * {@code dso}: receivables at the end ÷ invoiced in the 90 days before it × 90. {@code cei}: collection
     * effectiveness in percent, (receivables at the start + invoiced − receivables at the end) ÷ (receivables
     * at the start + invoiced − what was not yet due at the end) × 100, null when nothing was collectible.
     * {@code blockedOrderShare}: blocked ÷ placed orders (0–1). {@code medianReleaseDecisionHours}: from
     * release request to credit's decision, for decisions in the period, null when there were none.
     * {@code dso} and {@code cei} are over every currency converted as {@code reporting} states (null when a
     * currency has no rate); {@code perCurrency} gives them per currency as invoiced. {@code applications}: the
     * credit applications decided in the period; {@code periodicReviews}: the periodic reviews due in it.
     */
    public record Kpis(Instant from, Instant to, BigDecimal dso, BigDecimal cei, BigDecimal blockedOrderShare,
                       BigDecimal medianReleaseDecisionHours, List<SignalFollowUp> signals, Reporting reporting,
                       List<CurrencyKpis> perCurrency, ApplicationKpis applications, ReviewKpis periodicReviews) {
    }

    /**
     * The credit applications whose decision became final in the period (an approval above the approval authority
     * when the second credit controller gave it; a first approval alone decides nothing), {@code decided} in all and
     * per outcome ({@code APPROVE}, {@code APPROVE_WITH_SECURITY}, {@code DECLINE}), and the median hours from filing
     * to that decision, null when none was decided.
     */
    public record ApplicationKpis(int decided, int approved, int approvedWithSecurity, int declined,
                                  BigDecimal medianDecisionHours) {
    }

    /**
     * The periodic reviews that fell due on a day of the period (up to today): the day the account's latest plan
     * ({@code ReviewScheduled}) named, or the day it was planned if that was later. {@code onTime}: those concluded
     * at the latest {@code graceDays} days after their due day; {@code onTimeShare} = onTime ÷ due (0–1), null when
     * none fell due. A review still within its grace counts as due and not (yet) on time.
     */
    public record ReviewKpis(int due, int onTime, BigDecimal onTimeShare, int graceDays) {
    }

    /** DSO and CEI of the receivables in one currency, as invoiced. */
    public record CurrencyKpis(String currency, BigDecimal dso, BigDecimal cei) {
    }

    /**
     * Per account manager: the sales signals they reported in the period, and how many were followed
     * by late payment: an invoice of that customer more than 30 days past due within 90 days after it.
     */
    public record SignalFollowUp(String accountManager, int reported, int followedByLatePayment) {
    }
}
