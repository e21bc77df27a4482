package com.creditdesk.api.invoice;

import com.creditdesk.api.common.GloballyUnique;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

public final class InvoiceCommands {
    private InvoiceCommands() {
    }

    public record IssueInvoice(@TargetAggregateIdentifier String customerId, String invoiceId, String orderId,
                               BigDecimal amount, String currency, LocalDate issueDate, LocalDate dueDate,
                               String actor) implements GloballyUnique {
        @Override
        public String uniqueKey() {
            return "invoice:" + invoiceId;
        }
    }

    public record InvoiceIssuance(String invoiceId, LocalDate dueDate) {
    }
}
