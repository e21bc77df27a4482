package com.creditdesk.api.payment;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class PaymentEvents {
    private PaymentEvents() {
    }

    /**
     * The family of payments received:
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface PaymentEvent {
        String customerId();
    }

    /**
     * A payment and how it was allocated: to the named invoice, else oldest open invoices first;
     * what is left over is {@code unapplied} credit (a prepayment).
     */
    @Revision("1")
    public record PaymentRegistered(String customerId, String paymentId, BigDecimal amount, String currency,
                                    LocalDate receivedOn, String invoiceId, List<Allocation> allocations,
                                    BigDecimal unapplied, String actor) implements PaymentEvent {
        public PaymentRegistered {
            allocations = List.copyOf(allocations);
        }
    }
}
