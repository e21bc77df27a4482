package com.creditdesk.command.invoice;

import com.creditdesk.api.common.Roles;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.HandoverStatus;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.HandoverAnswer;
import com.creditdesk.api.invoice.InvoiceCommands.InvoiceIssuance;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.HandoverNotice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static com.creditdesk.api.common.Amounts.same;

/**
 * The account's invoices and their follow-up: issue, disputes and credit notes, payment promises, and the
 * collection hand-over with its four eyes across the two sides. Decisions return the events to record or
 * throw a {@link Refusal}; {@link #evolve} is the only place that changes an invoice.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class InvoiceBook {
    /** A payment promise pauses dunning until two days after the promised date. */
    static final int PROMISE_GRACE_DAYS = 2;
    /** A hand-over needs one approval from each side, by two different people. */
    static final List<String> HANDOVER_APPROVERS = List.of(Roles.CREDIT, Roles.SALES);

    private Map<String, OpenInvoice> invoices = new LinkedHashMap<>();

    public Collection<OpenInvoice> all() {
        return invoices.values();
    }

    public OpenInvoice invoice(String invoiceId) {
        OpenInvoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            throw Refusal.notFound("invoice", invoiceId);
        }
        return invoice;
    }

    /**
     * Days past due of the oldest overdue invoice that the overdue rule may count: disputed invoices and
     * those under a valid payment promise are paused, so they do not count.
     */
    public int oldestDaysPastDue(LocalDate today) {
        return (int) invoices.values().stream().filter(invoice -> invoice.overdue(today) && !invoice.paused(today))
                .mapToLong(invoice -> invoice.daysPastDue(today)).max().orElse(0);
    }

    public Optional<OpenInvoice> find(String invoiceId) {
        return Optional.ofNullable(invoices.get(invoiceId));
    }

    /** The same invoice sent again gets the same answer; the same id with other content is refused. */
    public Optional<InvoiceIssuance> repeated(IssueInvoice cmd) {
        OpenInvoice known = invoices.get(cmd.invoiceId());
        if (known == null) {
            return Optional.empty();
        }
        boolean same = Objects.equals(known.orderId(), cmd.orderId()) && same(known.amount(), cmd.amount())
                && known.currency().equals(cmd.currency()) && known.issueDate().equals(cmd.issueDate())
                && (cmd.dueDate() == null ? !known.dueDateGiven() : cmd.dueDate().equals(known.dueDate()));
        if (!same) {
            throw Refusal.idConflict("invoice", cmd.invoiceId());
        }
        return Optional.of(issuance(known.invoiceId()));
    }

    /** Without a due date the invoice gets issue date + the payment terms in force. */
    public InvoiceIssued issue(IssueInvoice cmd, int paymentTermDays) {
        if (cmd.dueDate() != null && cmd.dueDate().isBefore(cmd.issueDate())) {
            throw Refusal.invalid("dueDate", "the due date lies before the issue date");
        }
        Integer termDays = cmd.dueDate() == null ? paymentTermDays : null;
        LocalDate dueDate = cmd.dueDate() != null ? cmd.dueDate() : cmd.issueDate().plusDays(paymentTermDays);
        return new InvoiceIssued(cmd.customerId(), cmd.invoiceId(), cmd.orderId(), cmd.amount(), cmd.currency(),
                cmd.issueDate(), dueDate, termDays, cmd.actor(), cmd.structuredCommunication());
    }

    public InvoiceIssuance issuance(String invoiceId) {
        return new InvoiceIssuance(invoiceId, invoice(invoiceId).dueDate());
    }

    public InvoiceDisputed dispute(DisputeInvoice cmd) {
        if (followedUp(cmd.invoiceId()).disputed()) {
            throw Refusal.violated(Rule.ALREADY_DISPUTED, "invoice " + cmd.invoiceId() + " is already disputed");
        }
        return new InvoiceDisputed(cmd.customerId(), cmd.invoiceId(), cmd.reason(), cmd.actor());
    }

    /** Rejected, or credited with a credit note of at most the open balance. */
    public DisputeResolved resolve(ResolveDispute cmd) {
        OpenInvoice invoice = invoice(cmd.invoiceId());
        if (!invoice.disputed()) {
            throw Refusal.violated(Rule.NOT_DISPUTED, "invoice " + cmd.invoiceId() + " has no open dispute");
        }
        BigDecimal credited = cmd.creditNoteAmount();
        if (cmd.outcome() == DisputeOutcome.CREDITED) {
            if (credited == null || credited.signum() == 0) {
                throw Refusal.invalid("creditNoteAmount", "a CREDITED dispute needs a credit note amount above 0");
            }
            if (credited.compareTo(invoice.balance()) > 0) {
                throw Refusal.violated(Rule.CREDIT_NOTE_EXCEEDS_BALANCE, "the credit note of " + credited
                        + " exceeds the open balance of " + invoice.balance());
            }
        } else if (credited != null) {
            throw Refusal.invalid("creditNoteAmount", "only a CREDITED dispute has a credit note amount");
        }
        BigDecimal balance = credited == null ? invoice.balance() : invoice.balance().subtract(credited);
        return new DisputeResolved(cmd.customerId(), cmd.invoiceId(), cmd.outcome(), credited, balance, cmd.note(),
                cmd.actor());
    }

    /** One valid promise at a time, in the future, for at most the open balance. */
    public PaymentPromised promise(PromisePayment cmd, LocalDate today) {
        OpenInvoice invoice = followedUp(cmd.invoiceId());
        if (cmd.promisedOn().isBefore(today)) {
            throw Refusal.invalid("promisedOn", "a promise lies in the future: " + cmd.promisedOn()
                    + " is before today, " + today);
        }
        if (cmd.amount().compareTo(invoice.balance()) > 0) {
            throw Refusal.violated(Rule.PROMISE_EXCEEDS_BALANCE, "the promised " + cmd.amount()
                    + " exceeds the open balance of " + invoice.balance());
        }
        if (invoice.promise() != null && invoice.promise().validOn(today)) {
            throw Refusal.violated(Rule.PROMISE_OPEN, "invoice " + cmd.invoiceId() + " already has a promise for "
                    + invoice.promise().promisedOn());
        }
        return new PaymentPromised(cmd.customerId(), cmd.invoiceId(), cmd.promisedOn(), cmd.amount(),
                cmd.promisedOn().plusDays(PROMISE_GRACE_DAYS), cmd.actor());
    }

    /** A promise paid in full by what came in during its pause is kept. */
    public Optional<PaymentPromiseKept> promiseKept(String customerId, String invoiceId) {
        OpenInvoice.Promise promise = invoice(invoiceId).promise();
        return promise != null && promise.kept()
                ? Optional.of(new PaymentPromiseKept(customerId, invoiceId, promise.promisedOn(), promise.amount()))
                : Optional.empty();
    }

    /**
     * Four eyes across the two sides: one CREDIT and one SALES approval, by two different people; the second
     * one hands the invoice over.
     */
    public List<Object> approveHandover(ApproveCollectionHandover cmd, Function<OpenInvoice, HandoverNotice> notice) {
        OpenInvoice invoice = followedUp(cmd.invoiceId());
        if (invoice.disputed()) {
            throw Refusal.violated(Rule.DISPUTED, "invoice " + cmd.invoiceId()
                    + " is disputed: resolve the dispute before a hand-over");
        }
        List<OpenInvoice.Approval> given = invoice.handoverApprovals();
        if (given.stream().anyMatch(approval -> approval.actor().equals(cmd.actor()))) {
            throw Refusal.fourEyes(cmd.actor() + " approved this hand-over already; a second person must approve");
        }
        Set<String> needed = new LinkedHashSet<>(HANDOVER_APPROVERS);
        given.forEach(approval -> needed.remove(approval.role()));
        String role = needed.stream().filter(cmd.roles()::contains).findFirst().orElseThrow(() ->
                Refusal.fourEyes("a hand-over needs a " + String.join(" and a ", needed) + " approval"));
        List<Object> events = new ArrayList<>();
        events.add(new CollectionHandoverApproved(cmd.customerId(), cmd.invoiceId(), cmd.agency(), cmd.note(), role,
                cmd.actor()));
        if (needed.size() == 1) {
            List<String> approvedBy = new ArrayList<>(given.stream().map(OpenInvoice.Approval::actor).toList());
            approvedBy.add(cmd.actor());
            events.add(new InvoiceHandedOver(cmd.customerId(), cmd.invoiceId(), cmd.agency(), approvedBy,
                    notice.apply(invoice)));
        }
        return events;
    }

    public HandoverAnswer handover(String invoiceId) {
        return new HandoverAnswer(invoice(invoiceId).handedOver() ? HandoverStatus.HANDED_OVER
                : HandoverStatus.AWAITING_SECOND_APPROVAL);
    }

    /** An invoice that can still be followed up: a balance is open and it is not with an agency. */
    private OpenInvoice followedUp(String invoiceId) {
        OpenInvoice invoice = invoice(invoiceId);
        if (invoice.handedOver()) {
            throw Refusal.violated(Rule.HANDED_OVER, "invoice " + invoiceId + " is with a collection agency");
        }
        if (!invoice.open()) {
            throw Refusal.violated(Rule.INVOICE_SETTLED, "invoice " + invoiceId + " has no open balance");
        }
        return invoice;
    }

    /** Takes what concerns invoices from any event of the account; {@code day} is when it was recorded. */
    public void evolve(Object event, LocalDate day) {
        if (event instanceof InvoiceIssued e) {
            invoices.put(e.invoiceId(), OpenInvoice.issued(e.invoiceId(), e.orderId(), e.amount(), e.currency(),
                    e.issueDate(), e.dueDate(), e.termDays() == null, e.structuredCommunication()));
        } else if (event instanceof PaymentRegistered e) {
            e.allocations().forEach(allocation -> change(allocation.invoiceId(),
                    invoice -> invoice.paid(allocation.amount(), e.receivedOn())));
        } else if (event instanceof InvoiceDisputed e) {
            change(e.invoiceId(), invoice -> invoice.disputedOn(day));
        } else if (event instanceof DisputeResolved e) {
            change(e.invoiceId(), invoice -> invoice.resolved(e.balance()));
        } else if (event instanceof PaymentPromised e) {
            change(e.invoiceId(), invoice -> invoice.promisedOn(day,
                    new OpenInvoice.Promise(e.promisedOn(), e.amount(), e.pausedUntil(), BigDecimal.ZERO)));
        } else if (event instanceof PaymentPromiseKept e) {
            change(e.invoiceId(), OpenInvoice::promiseKept);
        } else if (event instanceof PaymentPromiseBroken e) {
            change(e.invoiceId(), OpenInvoice::promiseBroken);
        } else if (event instanceof CollectionHandoverApproved e) {
            change(e.invoiceId(), invoice -> invoice.approvedBy(new OpenInvoice.Approval(e.actor(), e.role())));
        } else if (event instanceof InvoiceHandedOver e) {
            change(e.invoiceId(), OpenInvoice::handedOverNow);
        } else if (event instanceof DunningStepReached e) {
            change(e.invoiceId(), invoice -> invoice.stepReached(e.step()));
        } else if (event instanceof DunningResumed e) {
            change(e.invoiceId(), invoice -> invoice.resumed(e.pausedDays()));
        }
    }

    private void change(String invoiceId, UnaryOperator<OpenInvoice> transition) {
        invoices.computeIfPresent(invoiceId, (id, invoice) -> transition.apply(invoice));
    }
}
