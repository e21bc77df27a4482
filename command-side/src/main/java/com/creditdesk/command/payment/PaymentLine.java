package com.creditdesk.command.payment;

import com.creditdesk.api.payment.Allocation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A registered payment, kept so that the same payment sent again gets the same answer. */
public record PaymentLine(String paymentId, BigDecimal amount, String currency, LocalDate receivedOn, String invoiceId,
                   List<Allocation> allocations, BigDecimal unapplied) {
}
