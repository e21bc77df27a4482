package com.creditdesk.query.kpi;

import com.creditdesk.api.application.ApplicationDecision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the KPIs are computed from, each fact with the time it happened. */
final class KpiFacts {
    private KpiFacts() {
    }

    /** A lowering of an invoice's balance: a payment on the day it was received, or a credit note. */
    record Settlement(LocalDate on, BigDecimal amount) {
    }

    record InvoiceFacts(String invoiceId, String customerId, BigDecimal amount, String currency, LocalDate issueDate,
                        LocalDate dueDate, List<Settlement> settlements) {
        InvoiceFacts {
            settlements = settlements == null ? List.of() : List.copyOf(settlements);
        }

        /** What was still open at the end of {@code day} (nothing before the invoice was issued). */
        BigDecimal balanceOn(LocalDate day) {
            if (issueDate.isAfter(day)) {
                return BigDecimal.ZERO;
            }
            BigDecimal settled = settlements.stream().filter(s -> !s.on().isAfter(day)).map(Settlement::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return amount.subtract(settled).max(BigDecimal.ZERO);
        }
    }

    /** A customer's invoices with their settlements: what a sales signal's follow-up is judged on. */
    record CustomerInvoices(String customerId, List<InvoiceFacts> invoices) {
        CustomerInvoices {
            invoices = invoices == null ? List.of() : List.copyOf(invoices);
        }
    }

    record OrderFacts(String orderId, String customerId, Instant placedAt, boolean blocked, Instant releaseRequestedAt,
                      Instant releaseDecidedAt) {
    }

    record SignalFacts(String signalId, String customerId, String reportedBy, Instant at) {
    }

    /** A credit application: when it was filed and, once its decision is final, the decision and when it became so. */
    record ApplicationFacts(String applicationId, String customerId, Instant filedAt, ApplicationDecision decision,
                            Instant decidedAt) {
    }

    /** A final decision on a credit application and the minutes from its filing to it. */
    record ApplicationDecided(ApplicationDecision decision, long minutes) {
    }

    /** A periodic review that fell due on {@code dueOn}, and when its account's next review conclusion came (or null). */
    record DueReview(LocalDate dueOn, Instant concludedAt) {
    }

    /**
     * A customer's periodic reviews: the day the latest plan falls due ({@code planned}, until a later event of the
     * account comes on or after that day) and the reviews that fell due. A plan replaced before its day never fell
     * due; a review conclusion recorded on or after a due day concludes every review that fell due and was not
     * concluded yet (one open review at a time: the one open then stood for them).
     */
    record CustomerReviews(String customerId, LocalDate planned, List<DueReview> due) {
        CustomerReviews {
            due = due == null ? List.of() : List.copyOf(due);
        }

        /** The plan moved to the reviews due if its day has come by {@code day}. */
        CustomerReviews fallenDueBy(LocalDate day) {
            if (planned == null || planned.isAfter(day)) {
                return this;
            }
            List<DueReview> more = new ArrayList<>(due);
            more.add(new DueReview(planned, null));
            return new CustomerReviews(customerId, null, more);
        }

        /** A new plan, in place of one that has not fallen due. */
        CustomerReviews planned(LocalDate dueOn) {
            return new CustomerReviews(customerId, dueOn, due);
        }

        /** Every review due and not concluded yet is concluded at {@code at}. */
        CustomerReviews concluded(Instant at) {
            return new CustomerReviews(customerId, planned, due.stream()
                    .map(review -> review.concludedAt() == null ? new DueReview(review.dueOn(), at) : review).toList());
        }

        /** The reviews that fell due, and the plan as one due on its day, not concluded (whether its day came is the reader's). */
        List<DueReview> dueOrPlanned() {
            List<DueReview> all = new ArrayList<>(due);
            if (planned != null) {
                all.add(new DueReview(planned, null));
            }
            return all;
        }
    }
}
