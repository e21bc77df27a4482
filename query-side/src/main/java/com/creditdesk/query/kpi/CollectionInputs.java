package com.creditdesk.query.kpi;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.query.invoice.ReceivablesLedger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the collection numbers are worked out from, as kept by {@link CollectionProjection}: per segment, dunning step
 * and currency, the invoices that reached the step per day, those paid in full and the amounts settled after it per
 * (step day, payment day); per account manager and currency, their customers' receivables as sums per day
 * ({@link ReceivablesLedger.History}), what was booked and what was collected per day.
 */
record CollectionInputs(List<StepSums> steps, List<ManagerLedger> managers) {

    /** A step's day and the day an invoice was paid (in full, or in part for the amounts) after it. */
    record DayPair(LocalDate stepOn, LocalDate paidOn) {
    }

    record StepSums(Segment segment, DunningStep step, String currency, Map<LocalDate, Long> reached,
                    Map<DayPair, Long> cured, Map<DayPair, BigDecimal> collected) {
    }

    record ManagerLedger(String accountManager, String currency, ReceivablesLedger.History receivables,
                         TreeMap<LocalDate, BigDecimal> booked, TreeMap<LocalDate, BigDecimal> collected) {
    }
}
