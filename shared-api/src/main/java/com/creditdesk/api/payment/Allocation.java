package com.creditdesk.api.payment;

import java.math.BigDecimal;

/** The part of a payment that settled one invoice. */
public record Allocation(String invoiceId, BigDecimal amount) {
}
