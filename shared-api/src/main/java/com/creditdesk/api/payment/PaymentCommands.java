package com.creditdesk.api.payment;

import com.creditdesk.api.common.GloballyUnique;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class PaymentCommands {
    private PaymentCommands() {
    }

    public record RegisterPayment(@TargetAggregateIdentifier String customerId, String paymentId, BigDecimal amount,
                                  String currency, LocalDate receivedOn, String invoiceId, String actor) implements GloballyUnique {
        @Override
        public String uniqueKey() {
            return "payment:" + paymentId;
        }
    }

    public record PaymentRegistration(String paymentId, List<Allocation> allocations, BigDecimal unapplied) {
        public PaymentRegistration {
            allocations = List.copyOf(allocations);
        }
    }
}
