package com.creditdesk.command.account;

import com.creditdesk.api.account.Segment;
import com.creditdesk.api.dunning.DunningStep;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The day each dunning step of an invoice falls due: the segment's table, moved back by pauses. */
final class DunningSchedule {
    private DunningSchedule() {
    }

    static LocalDate dueOn(OpenInvoice invoice, DunningStep step, Segment segment) {
        return invoice.dueDate().plusDays(step.daysAfterDue(segment) + (long) invoice.dunning().pausedDays());
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
}
