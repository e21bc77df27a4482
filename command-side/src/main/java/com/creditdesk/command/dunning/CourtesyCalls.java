package com.creditdesk.command.dunning;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.dunning.DunningCommands.RecordCourtesyCall;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallDue;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallMade;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.invoice.OpenInvoice;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Calls before the due date ("you remember we agreed 30 days?") for the customers who need one: new ones, those in
 * risk class HIGH, and those who broke a promise or paid late repeatedly in the last year. A call is planned for each
 * of their open invoices that is not due yet, becomes the account manager's task on its day, and is done when made;
 * an invoice paid before needs no call.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class CourtesyCalls {
    enum Call { PLANNED, DUE, MADE }

    private LocalDate openedOn;
    private List<LocalDate> promisesBrokenOn = new ArrayList<>();
    /** The day each invoice was first paid after its due date. */
    private Map<String, LocalDate> paidLateOn = new HashMap<>();
    private Map<String, Call> calls = new HashMap<>();

    /** Why the customer gets courtesy calls today; none for the others. */
    public Set<CourtesyReason> reasons(RiskClass riskClass, LocalDate today, CourtesyCallSettings settings) {
        Set<CourtesyReason> reasons = EnumSet.noneOf(CourtesyReason.class);
        LocalDate since = today.minus(settings.lookBack());
        if (openedOn != null && today.isBefore(openedOn.plus(settings.newCustomerFor()))) {
            reasons.add(CourtesyReason.NEW_CUSTOMER);
        }
        if (riskClass == RiskClass.HIGH) {
            reasons.add(CourtesyReason.HIGH_RISK);
        }
        if (promisesBrokenOn.stream().anyMatch(day -> day.isAfter(since))) {
            reasons.add(CourtesyReason.BROKEN_PROMISE);
        }
        if (paidLateOn.values().stream().filter(day -> day.isAfter(since)).count() >= settings.latePayments()) {
            reasons.add(CourtesyReason.REPEATED_LATE_PAYMENT);
        }
        return reasons;
    }

    /**
     * A call for every open invoice not due yet that has none, when the customer needs calls: after an invoice is
     * issued, and when the customer comes to need them (a HIGH class, a broken promise, a late payment).
     */
    public List<Object> plan(DunningPlan.Debtor debtor, Collection<OpenInvoice> invoices, RiskClass riskClass,
                             LocalDate today, CourtesyCallSettings settings) {
        Set<CourtesyReason> reasons = reasons(riskClass, today, settings);
        if (reasons.isEmpty()) {
            return List.of();
        }
        return invoices.stream()
                .filter(invoice -> invoice.dunnable() && !calls.containsKey(invoice.invoiceId())
                        && today.isBefore(invoice.dueDate()))
                .<Object>map(invoice -> new CourtesyCallScheduled(debtor.customerId(), invoice.invoiceId(),
                        latest(today, invoice.dueDate().minusDays(settings.daysBeforeDue(debtor.segment()))),
                        List.copyOf(reasons)))
                .toList();
    }

    /**
     * The timer's wake-up on the planned day: the call becomes a task if the invoice is still open and not due yet,
     * and the customer still needs calls. A call already due or made is not opened again.
     */
    public List<Object> open(DunningPlan.Debtor debtor, OpenInvoice invoice, RiskClass riskClass, LocalDate today,
                             CourtesyCallSettings settings) {
        Set<CourtesyReason> reasons = reasons(riskClass, today, settings);
        if (calls.get(invoice.invoiceId()) != Call.PLANNED || !invoice.dunnable() || invoice.disputed()
                || today.isAfter(invoice.dueDate()) || reasons.isEmpty()) {
            return List.of();
        }
        return List.of(new CourtesyCallDue(debtor.customerId(), invoice.invoiceId(), invoice.dueDate(),
                invoice.balance(), invoice.currency(), debtor.accountManager(), List.copyOf(reasons)));
    }

    /** A call planned or due is recorded once; a call made is not recorded again. */
    public List<Object> record(RecordCourtesyCall cmd) {
        Call call = calls.get(cmd.invoiceId());
        if (call == null) {
            throw Refusal.violated(Rule.NO_COURTESY_CALL,
                    "no courtesy call is planned for invoice " + cmd.invoiceId());
        }
        return call == Call.MADE ? List.of()
                : List.of(new CourtesyCallMade(cmd.customerId(), cmd.invoiceId(), cmd.note(), cmd.actor()));
    }

    /** Takes what concerns the calls; {@code dueDates} finds an invoice's due date, {@code day} is the event's. */
    public void evolve(Object event, LocalDate day, Function<String, Optional<LocalDate>> dueDates) {
        if (event instanceof AccountOpened) {
            openedOn = day;
        } else if (event instanceof PaymentPromiseBroken) {
            promisesBrokenOn.add(day);
        } else if (event instanceof PaymentRegistered e) {
            e.allocations().forEach(allocation -> dueDates.apply(allocation.invoiceId())
                    .filter(dueDate -> e.receivedOn().isAfter(dueDate))
                    .ifPresent(dueDate -> paidLateOn.putIfAbsent(allocation.invoiceId(), e.receivedOn())));
        } else if (event instanceof CourtesyCallScheduled e) {
            calls.put(e.invoiceId(), Call.PLANNED);
        } else if (event instanceof CourtesyCallDue e) {
            calls.put(e.invoiceId(), Call.DUE);
        } else if (event instanceof CourtesyCallMade e) {
            calls.put(e.invoiceId(), Call.MADE);
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
