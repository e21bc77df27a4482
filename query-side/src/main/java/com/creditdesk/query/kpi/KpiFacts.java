package com.creditdesk.query.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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
}
