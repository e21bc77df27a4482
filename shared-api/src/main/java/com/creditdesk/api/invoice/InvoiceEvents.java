package com.creditdesk.api.invoice;

import com.creditdesk.api.dunning.DunningEvents.Message;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

public final class InvoiceEvents {
    private InvoiceEvents() {
    }

    /**
     * The family of an invoice and its follow-up (disputes, promises, hand-over):
     * sealed, so the compiler and the tests know every member.
     */
    public sealed interface InvoiceEvent {
        String customerId();
    }

    /**
     * An invoice; when it names an order that order leaves open exposure and the invoice balance
     * takes its place. {@code termDays} is the term that set the due date when none was given.
     * {@code structuredCommunication} is the Belgian OGM the customer quotes when paying it (12 digits;
     * null for invoices issued before it was given).
     */
    @Revision("1")
    public record InvoiceIssued(String customerId, String invoiceId, String orderId, BigDecimal amount,
                                String currency, LocalDate issueDate, LocalDate dueDate, Integer termDays,
                                String actor, String structuredCommunication) implements InvoiceEvent {
        public InvoiceIssued(String customerId, String invoiceId, String orderId, BigDecimal amount, String currency,
                             LocalDate issueDate, LocalDate dueDate, Integer termDays, String actor) {
            this(customerId, invoiceId, orderId, amount, currency, issueDate, dueDate, termDays, actor, null);
        }
    }

    @Revision("1")
    public record InvoiceDisputed(String customerId, String invoiceId, String reason, String actor)
            implements InvoiceEvent {
    }

    /** {@code creditNoteAmount} is set when CREDITED; {@code balance} is what remains open afterwards. */
    @Revision("1")
    public record DisputeResolved(String customerId, String invoiceId, DisputeOutcome outcome,
                                  BigDecimal creditNoteAmount, BigDecimal balance, String note, String actor)
            implements InvoiceEvent {
    }

    /** Dunning of the invoice pauses until {@code pausedUntil}: the promised date + 2 days. */
    @Revision("1")
    public record PaymentPromised(String customerId, String invoiceId, LocalDate promisedOn, BigDecimal amount,
                                  LocalDate pausedUntil, String actor) implements InvoiceEvent {
    }

    /** The promised amount was paid by {@code pausedUntil}. */
    @Revision("1")
    public record PaymentPromiseKept(String customerId, String invoiceId, LocalDate promisedOn, BigDecimal amount)
            implements InvoiceEvent {
    }

    /** One approval of a collection hand-over, given in {@code role}. */
    @Revision("1")
    public record CollectionHandoverApproved(String customerId, String invoiceId, String agency, String note,
                                             String role, String actor) implements InvoiceEvent {
    }

    /**
     * Both approvals are in: the invoice goes to the agency, dunning stops for it, the account goes on hold. The
     * {@code notice} is what the debtor is told (null in events recorded before it was kept).
     */
    @Revision("1")
    public record InvoiceHandedOver(String customerId, String invoiceId, String agency, List<String> approvedBy,
                                    HandoverNotice notice) implements InvoiceEvent {
        public InvoiceHandedOver {
            approvedBy = List.copyOf(approvedBy);
        }

        public InvoiceHandedOver(String customerId, String invoiceId, String agency, List<String> approvedBy) {
            this(customerId, invoiceId, agency, approvedBy, null);
        }
    }

    /**
     * The letter telling the debtor of the hand-over, as written on the day: the invoice's balance handed over, its
     * due date, and the words in the debtor's language ({@code message.to} null: no e-mail address, paper only).
     */
    public record HandoverNotice(String customerName, LocalDate dueDate, BigDecimal balance, String currency,
                                 long daysPastDue, Message message) {
    }
}
