package com.creditdesk.api.invoice;

import com.creditdesk.api.common.GloballyUnique;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

public final class InvoiceCommands {
    private InvoiceCommands() {
    }

    public record IssueInvoice(@TargetAggregateIdentifier String customerId, String invoiceId, String orderId,
                               BigDecimal amount, String currency, LocalDate issueDate, LocalDate dueDate,
                               String actor, String structuredCommunication) implements GloballyUnique {
        public IssueInvoice(String customerId, String invoiceId, String orderId, BigDecimal amount, String currency,
                            LocalDate issueDate, LocalDate dueDate, String actor) {
            this(customerId, invoiceId, orderId, amount, currency, issueDate, dueDate, actor, null);
        }

        @Override
        public String uniqueKey() {
            return "invoice:" + invoiceId;
        }
    }

    public record InvoiceIssuance(String invoiceId, LocalDate dueDate) {
    }

    /** Sales or credit records that the customer contests the invoice; dunning pauses for it. */
    public record DisputeInvoice(@TargetAggregateIdentifier String customerId, String invoiceId, String reason,
                                 String actor) {
    }

    /** Credit ends a dispute: a credit note lowers the balance, or the dispute is rejected and dunning resumes. */
    public record ResolveDispute(@TargetAggregateIdentifier String customerId, String invoiceId,
                                 DisputeOutcome outcome, BigDecimal creditNoteAmount, String note, String actor) {
    }

    /** The customer promises to pay {@code amount} by {@code promisedOn}; dunning pauses until two days after. */
    public record PromisePayment(@TargetAggregateIdentifier String customerId, String invoiceId, LocalDate promisedOn,
                                 BigDecimal amount, String actor) {
    }

    /**
     * One of the two approvals a collection hand-over needs: {@code roles} are the approver's
     * roles among {@code SALES} and {@code CREDIT}; one approval of each, by two different people.
     */
    public record ApproveCollectionHandover(@TargetAggregateIdentifier String customerId, String invoiceId,
                                            String agency, String note, String actor, Set<String> roles) {
        public ApproveCollectionHandover {
            roles = Set.copyOf(roles);
        }
    }

    public record HandoverAnswer(HandoverStatus status) {
    }
}
