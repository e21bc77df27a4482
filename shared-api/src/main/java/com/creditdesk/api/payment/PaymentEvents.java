package com.creditdesk.api.payment;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class PaymentEvents {
    private PaymentEvents() {
    }

    /**
     * A payment and how it was allocated: to the named invoice, else oldest open invoices first;
     * what is left over is {@code unapplied} credit (a prepayment).
     */
    @Revision("1")
    public record PaymentRegistered(String customerId, String paymentId, BigDecimal amount, String currency,
                                    LocalDate receivedOn, String invoiceId, List<Allocation> allocations,
                                    BigDecimal unapplied, String actor) {
        public PaymentRegistered {
            allocations = List.copyOf(allocations);
        }
    }
}
