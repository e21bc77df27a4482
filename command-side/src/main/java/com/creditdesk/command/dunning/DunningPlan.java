package com.creditdesk.command.dunning;

import com.creditdesk.api.account.Language;
import com.creditdesk.api.invoice.InvoiceEvents.HandoverNotice;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.common.Roles;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.Message;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.command.invoice.OpenInvoice;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dunning of one invoice as pure rules: each step falls due on the segment's day after the due date,
 * moved back by pauses that ended without a broken promise; the answers are the events to record.
 */
public final class DunningPlan {
    private DunningPlan() {
    }

    /** Whom dunning writes to and who performs the sales steps. */
    public record Debtor(String customerId, Segment segment, Language language, String name, String email,
                         String accountManager) {
    }

    public static LocalDate dueOn(OpenInvoice invoice, DunningStep step, Segment segment) {
        return invoice.dueDate().plusDays(step.daysAfterDue(segment) + (long) invoice.dunning().pausedDays());
    }

    /** The next step, planned on its day, for an invoice that dunning still follows. */
    public static List<Object> planNext(Debtor debtor, OpenInvoice invoice) {
        if (!invoice.dunnable()) {
            return List.of();
        }
        return next(invoice).<List<Object>>map(step -> List.of(new DunningScheduled(debtor.customerId(),
                invoice.invoiceId(), step, dueOn(invoice, step, debtor.segment())))).orElse(List.of());
    }

    /** The day after a promise's pause, dunning looks whether the promise was kept. */
    public static List<Object> checkPromise(Debtor debtor, OpenInvoice invoice, LocalDate pausedUntil) {
        return next(invoice).<List<Object>>map(step -> List.of(new DunningScheduled(debtor.customerId(),
                invoice.invoiceId(), step, pausedUntil.plusDays(1)))).orElse(List.of());
    }

    /** A pause ended without a broken promise: the schedule moves back by the days it held dunning up. */
    public static List<Object> resume(Debtor debtor, OpenInvoice invoice, String reason, LocalDate today) {
        if (!invoice.dunnable() || invoice.disputed()) {
            return List.of();
        }
        int pausedDays = pausedDays(invoice, today);
        List<Object> events = new ArrayList<>();
        events.add(new DunningResumed(debtor.customerId(), invoice.invoiceId(), pausedDays, reason));
        events.addAll(planNext(debtor, invoice.resumed(pausedDays)));
        return events;
    }

    /**
     * The timer's wake-up: every step that fell due by today, in order, each once. A promise not kept by the
     * end of its pause is broken, and dunning moves straight to its next step (once the invoice is overdue);
     * while disputed or under a valid promise nothing happens.
     */
    public static List<Object> advance(Debtor debtor, OpenInvoice invoice, LocalDate today, ReminderLetters letters) {
        if (!invoice.dunnable() || invoice.disputed()) {
            return List.of();
        }
        List<Object> events = new ArrayList<>();
        OpenInvoice current = invoice;
        OpenInvoice.Promise promise = current.promise();
        if (promise != null) {
            if (promise.validOn(today)) {
                return List.of();
            }
            events.add(new PaymentPromiseBroken(debtor.customerId(), current.invoiceId(), promise.promisedOn(),
                    promise.amount(), promise.paid()));
            current = current.promiseBroken();
            Optional<DunningStep> next = next(current);
            if (current.overdue(today) && next.isPresent()) {
                events.add(reached(debtor, current, next.get(), today, today, letters));
                current = current.stepReached(next.get());
            }
        }
        for (Optional<DunningStep> next = next(current);
             next.isPresent() && !dueOn(current, next.get(), debtor.segment()).isAfter(today); next = next(current)) {
            events.add(reached(debtor, current, next.get(), dueOn(current, next.get(), debtor.segment()), today,
                    letters));
            current = current.stepReached(next.get());
        }
        if (!events.isEmpty()) {
            events.addAll(planNext(debtor, current));
        }
        return events;
    }

    /** The days of the current pause that held dunning up: those after the due date, until today. */
    static int pausedDays(OpenInvoice invoice, LocalDate today) {
        LocalDate since = invoice.dunning().pausedSince();
        if (since == null) {
            return 0;
        }
        LocalDate from = since.isAfter(invoice.dueDate()) ? since : invoice.dueDate();
        return (int) Math.max(0, ChronoUnit.DAYS.between(from, today));
    }

    private static Optional<DunningStep> next(OpenInvoice invoice) {
        return DunningStep.after(invoice.dunning().reached());
    }

    /** What the debtor is told when the invoice goes to {@code agency}: the balance handed over, in their language. */
    public static HandoverNotice handoverNotice(Debtor debtor, OpenInvoice invoice, String agency, LocalDate today,
                                                ReminderLetters letters) {
        long daysPastDue = invoice.daysPastDue(today);
        return new HandoverNotice(debtor.name(), invoice.dueDate(), invoice.balance(), invoice.currency(), daysPastDue,
                letters.handoverNotice(new ReminderLetters.Letter(debtor.segment(), debtor.language(), debtor.name(),
                        debtor.email(), invoice.invoiceId(), invoice.balance(), invoice.currency(), invoice.dueDate(),
                        daysPastDue, invoice.structuredCommunication()), agency));
    }

    private static DunningStepReached reached(Debtor debtor, OpenInvoice invoice, DunningStep step, LocalDate dueOn,
                                              LocalDate today, ReminderLetters letters) {
        long daysPastDue = invoice.daysPastDue(today);
        String assignee = switch (step.performer()) {
            case SALES -> debtor.accountManager();
            case CREDIT -> Roles.CREDIT;
            case SYSTEM -> null;
        };
        Message message = step.sendsMessage()
                ? letters.render(step, new ReminderLetters.Letter(debtor.segment(), debtor.language(), debtor.name(),
                        debtor.email(), invoice.invoiceId(), invoice.balance(), invoice.currency(), invoice.dueDate(),
                        daysPastDue, invoice.structuredCommunication()))
                : null;
        return new DunningStepReached(debtor.customerId(), invoice.invoiceId(), step, dueOn, daysPastDue,
                invoice.balance(), invoice.currency(), assignee, message);
    }
}
