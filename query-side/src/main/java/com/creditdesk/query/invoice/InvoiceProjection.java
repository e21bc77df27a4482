package com.creditdesk.query.invoice;

import com.creditdesk.api.account.CreditFigures;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallDue;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallMade;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.invoice.InvoiceQueries.FindInvoice;
import com.creditdesk.api.statement.StructuredCommunication;
import com.creditdesk.api.invoice.InvoiceQueries.CourtesyCallView;
import com.creditdesk.api.invoice.InvoiceQueries.InvoiceView;
import com.creditdesk.api.invoice.InvoiceQueries.PromiseView;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.query.common.KeyedViews;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.query.common.Documents;
import com.creditdesk.query.common.ProjectionBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each invoice with its balance and its follow-up (dispute, promise, hand-over); days past due and
 * whether a promise still holds are worked out on the day it is read.
 */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
public class InvoiceProjection implements ProjectionBatch.Prefetching {
    public static final String GROUP = "invoices";

    /** A promise as recorded; OPEN, KEPT or BROKEN is decided on the day it is read. */
    public record PromiseRecord(LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, boolean kept) {
        public String statusOn(LocalDate today) {
            return kept ? "KEPT" : today.isAfter(pausedUntil) ? "BROKEN" : "OPEN";
        }
    }

    /**
     * The last dunning step reached, on which day, and who acts on it (null for the system's steps);
     * {@code done} once that person's task needs nothing more (a call that brought a promise).
     */
    public record DunningRecord(DunningStep step, LocalDate reachedOn, String assignee, boolean done) {
    }

    /** A courtesy call that fell due on {@code dueOn}, for {@code assignee}; made once {@code madeBy} is known. */
    public record CourtesyCallRecord(LocalDate dueOn, String assignee, List<CourtesyReason> reasons, String note,
                                     String madeBy) {
        public CourtesyCallRecord {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** What is stored: the facts; the view adds the day-dependent figures. */
    public record InvoiceRecord(String invoiceId, String customerId, String orderId, BigDecimal amount,
                                String currency, BigDecimal balance, LocalDate issueDate, LocalDate dueDate, String disputeReason,
                                String disputedBy, PromiseRecord promise, String agency, List<String> approvedBy,
                                boolean handedOver, DunningRecord dunning, CourtesyCallRecord courtesyCall,
                                String structuredCommunication)
            implements CreditFigures.Receivable {

        public InvoiceRecord {
            approvedBy = approvedBy == null ? List.of() : List.copyOf(approvedBy);
        }

        /**
         * Whether finance or an account manager follows it now: a task to do, a dispute, a promise not
         * kept, a hand-over. Only such invoices are in {@code invoices_followed}, what the worklists read.
         */
        public boolean followed() {
            return openTask().isPresent() || courtesyTask().isPresent() || disputed() || promise != null && !promise.kept() || !approvedBy.isEmpty();
        }

        /** Dunning still follows it: a balance is open and no agency has it. */
        public boolean dunnable() {
            return balance.signum() > 0 && !handedOver;
        }

        /**
         * The task the last dunning step asks of a person, while it is still to do: the invoice is
         * open and, for a call, no promise came of it yet.
         */
        public Optional<DunningRecord> openTask() {
            return dunning != null && dunning.assignee() != null && !dunning.done() && dunnable()
                    ? Optional.of(dunning) : Optional.empty();
        }

        /** The courtesy call due before the invoice falls due, while it is not made and a balance is open. */
        public Optional<CourtesyCallRecord> courtesyTask() {
            return courtesyCall != null && courtesyCall.madeBy() == null && dunnable()
                    ? Optional.of(courtesyCall) : Optional.empty();
        }

        public boolean disputed() {
            return disputeReason != null;
        }

        public long daysPastDueOn(LocalDate today) {
            return CreditFigures.daysPastDue(this, today);
        }

        InvoiceView viewOn(LocalDate today) {
            return new InvoiceView(invoiceId, customerId, orderId, amount, balance, issueDate, dueDate,
                    daysPastDueOn(today), disputed(), promise == null ? null : new PromiseView(promise.promisedOn(),
                    promise.amount(), promise.pausedUntil(), promise.statusOn(today)),
                    dunning == null ? null : dunning.step().name(), handedOver,
                    courtesyCall == null ? null : new CourtesyCallView(courtesyCall.madeBy() == null ? "DUE" : "MADE",
                            courtesyCall.dueOn(), courtesyCall.reasons(), courtesyCall.note(), courtesyCall.madeBy()),
                    structuredCommunication == null ? null
                            : new StructuredCommunication(structuredCommunication).formatted());
        }

        InvoiceRecord withDunning(DunningRecord newDunning) {
            return new InvoiceRecord(invoiceId, customerId, orderId, amount, currency, balance, issueDate, dueDate,
                    disputeReason, disputedBy, promise, agency, approvedBy, handedOver, newDunning, courtesyCall, structuredCommunication);
        }

        InvoiceRecord withBalance(BigDecimal newBalance) {
            return new InvoiceRecord(invoiceId, customerId, orderId, amount, currency, newBalance, issueDate, dueDate,
                    disputeReason, disputedBy, promise, agency, approvedBy, handedOver, dunning, courtesyCall, structuredCommunication);
        }

        InvoiceRecord withDispute(String reason, String by) {
            return new InvoiceRecord(invoiceId, customerId, orderId, amount, currency, balance, issueDate, dueDate, reason, by,
                    promise, agency, approvedBy, handedOver, dunning, courtesyCall, structuredCommunication);
        }

        InvoiceRecord withPromise(PromiseRecord newPromise) {
            return new InvoiceRecord(invoiceId, customerId, orderId, amount, currency, balance, issueDate, dueDate,
                    disputeReason, disputedBy, newPromise, agency, approvedBy, handedOver, dunning, courtesyCall, structuredCommunication);
        }

        InvoiceRecord withHandover(String newAgency, List<String> newApprovedBy, boolean nowHandedOver) {
            return new InvoiceRecord(invoiceId, customerId, orderId, amount, currency, balance, issueDate, dueDate,
                    disputeReason, disputedBy, promise, newAgency, newApprovedBy, nowHandedOver, dunning, courtesyCall, structuredCommunication);
        }

        InvoiceRecord withCourtesyCall(CourtesyCallRecord newCall) {
            return new InvoiceRecord(invoiceId, customerId, orderId, amount, currency, balance, issueDate, dueDate,
                    disputeReason, disputedBy, promise, agency, approvedBy, handedOver, dunning, newCall, structuredCommunication);
        }
    }

    /** The task type of a courtesy call in the worklists, beside the dunning steps'. */
    public static final String COURTESY_CALL = "COURTESY_CALL";

    private final KeyedViews<InvoiceRecord> invoices;
    /** The invoices followed now (see {@link InvoiceRecord#followed()}): small whatever the ledger. */
    private final MongoCollection<Document> followed;
    private final ReceivablesLedger ledger;
    private final Clock clock;

    public InvoiceProjection(MongoDatabase database, Clock clock) {
        this.invoices = new KeyedViews<>(database.getCollection("invoices"), InvoiceRecord.class);
        this.followed = database.getCollection("invoices_followed");
        this.ledger = new ReceivablesLedger(database);
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence, @MessageIdentifier String event) {
        invoices.create(e.invoiceId(), sequence, new InvoiceRecord(e.invoiceId(), e.customerId(), e.orderId(),
                e.amount(), e.currency(), e.amount(), e.issueDate(), e.dueDate(), null, null, null, null, List.of(), false,
                null, null, e.structuredCommunication()));
        ledger.issued(event, e.currency(), e.issueDate(), e.dueDate(), e.amount());
        follow(e.invoiceId());
    }

    @EventHandler
    void on(PaymentRegistered e, @SequenceNumber long sequence, @MessageIdentifier String event) {
        for (Allocation allocation : e.allocations()) {
            invoices.current(allocation.invoiceId()).ifPresent(invoice -> ledger.settled(event,
                    e.currency(), invoice.issueDate(), invoice.dueDate(), e.receivedOn(), allocation.amount()));
            invoices.update(allocation.invoiceId(), sequence,
                    invoice -> invoice.withBalance(invoice.balance().subtract(allocation.amount())));
            follow(allocation.invoiceId());
        }
    }

    @EventHandler
    void on(InvoiceDisputed e, @SequenceNumber long sequence) {
        invoices.update(e.invoiceId(), sequence, invoice -> invoice.withDispute(e.reason(), e.actor()));
        follow(e.invoiceId());
    }

    @EventHandler
    void on(DisputeResolved e, @SequenceNumber long sequence, @Timestamp Instant at, @MessageIdentifier String event) {
        if (e.outcome() == DisputeOutcome.CREDITED) {
            invoices.current(e.invoiceId()).ifPresent(invoice -> ledger.settled(event,
                    invoice.currency(), invoice.issueDate(), invoice.dueDate(), LocalDate.ofInstant(at, ZoneOffset.UTC),
                    e.creditNoteAmount()));
        }
        invoices.update(e.invoiceId(), sequence, invoice -> invoice.withDispute(null, null).withBalance(e.balance()));
        follow(e.invoiceId());
    }

    /** A promise is what the account manager's call was for: the call task is done. */
    @EventHandler
    void on(PaymentPromised e, @SequenceNumber long sequence) {
        invoices.update(e.invoiceId(), sequence, invoice -> {
            InvoiceRecord promised = invoice.withPromise(new PromiseRecord(e.promisedOn(), e.amount(), e.pausedUntil(),
                    false));
            DunningRecord dunning = invoice.dunning();
            return dunning != null && dunning.step() == DunningStep.CALL
                    ? promised.withDunning(new DunningRecord(dunning.step(), dunning.reachedOn(), dunning.assignee(),
                    true))
                    : promised;
        });
        follow(e.invoiceId());
    }

    @EventHandler
    void on(DunningStepReached e, @SequenceNumber long sequence, @Timestamp Instant at) {
        invoices.update(e.invoiceId(), sequence, invoice -> invoice.withDunning(
                new DunningRecord(e.step(), LocalDate.ofInstant(at, ZoneOffset.UTC), e.assignee(), false)));
        follow(e.invoiceId());
    }

    @EventHandler
    void on(CourtesyCallDue e, @SequenceNumber long sequence, @Timestamp Instant at) {
        invoices.update(e.invoiceId(), sequence, invoice -> invoice.withCourtesyCall(new CourtesyCallRecord(
                LocalDate.ofInstant(at, ZoneOffset.UTC), e.assignee(), e.reasons(), null, null)));
        follow(e.invoiceId());
    }

    @EventHandler
    void on(CourtesyCallMade e, @SequenceNumber long sequence) {
        invoices.update(e.invoiceId(), sequence, invoice -> invoice.courtesyCall() == null ? invoice
                : invoice.withCourtesyCall(new CourtesyCallRecord(invoice.courtesyCall().dueOn(),
                invoice.courtesyCall().assignee(), invoice.courtesyCall().reasons(), e.note(), e.actor())));
        follow(e.invoiceId());
    }

    @EventHandler
    void on(PaymentPromiseKept e, @SequenceNumber long sequence) {
        invoices.update(e.invoiceId(), sequence, invoice -> invoice.withPromise(new PromiseRecord(
                invoice.promise().promisedOn(), invoice.promise().amount(), invoice.promise().pausedUntil(), true)));
        follow(e.invoiceId());
    }

    @EventHandler
    void on(CollectionHandoverApproved e, @SequenceNumber long sequence) {
        invoices.update(e.invoiceId(), sequence, invoice -> {
            List<String> approvedBy = new ArrayList<>(invoice.approvedBy());
            approvedBy.add(e.actor());
            return invoice.withHandover(e.agency(), approvedBy, false);
        });
        follow(e.invoiceId());
    }

    @EventHandler
    void on(InvoiceHandedOver e, @SequenceNumber long sequence) {
        invoices.update(e.invoiceId(), sequence,
                invoice -> invoice.withHandover(e.agency(), e.approvedBy(), true));
        follow(e.invoiceId());
    }

    /**
     * After every event of an invoice: {@code invoices_followed} holds it exactly while it is followed,
     * taken from the invoice as it now stands (also when the event was applied before), so both agree.
     */
    private void follow(String invoiceId) {
        ProjectionBatch batch = ProjectionBatch.current();
        Optional<InvoiceRecord> invoice = invoices.current(invoiceId);
        if (invoice.isPresent() && invoice.get().followed()) {
            batch.put(followed, Documents.of(invoice.get()).append("_id", invoiceId));
        } else if (batch.find(followed, invoiceId).isPresent()) {
            batch.delete(followed, invoiceId);
        }
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        List<String> ids = events.stream().map(EventMessage::getPayload).flatMap(InvoiceProjection::invoiceIdsOf)
                .distinct().toList();
        invoices.prefetch(batch, ids);
        batch.prefetch(followed, ids);
    }

    private static Stream<String> invoiceIdsOf(Object event) {
        if (event instanceof PaymentRegistered e) {
            return e.allocations().stream().map(Allocation::invoiceId);
        }
        for (Class<?> type : List.of(InvoiceIssued.class, InvoiceDisputed.class, DisputeResolved.class,
                PaymentPromised.class, PaymentPromiseKept.class, CollectionHandoverApproved.class,
                InvoiceHandedOver.class, DunningStepReached.class, CourtesyCallDue.class, CourtesyCallMade.class)) {
            if (type.isInstance(event)) {
                try {
                    return Stream.of((String) type.getMethod("invoiceId").invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Stream.empty();
    }

    @ResetHandler
    void reset() {
        invoices.clear();
        followed.deleteMany(new Document());
        ledger.clear();
    }

    public ReceivablesLedger ledger() {
        return ledger;
    }

    @QueryHandler
    public Optional<InvoiceView> handle(FindInvoice query) {
        return invoices.find(query.invoiceId()).map(invoice -> invoice.viewOn(LocalDate.now(clock)));
    }

    /** A task an invoice asks of a person: its last dunning step's, or a courtesy call before it falls due. */
    public record OpenTask(InvoiceRecord invoice, String type, String assignee, LocalDate since) {
    }

    /** The tasks for {@code assignee} still to do, oldest first. */
    public List<OpenTask> openTasksFor(String assignee) {
        return openTasksFor(assignee, followed());
    }

    public static List<OpenTask> openTasksFor(String assignee, List<InvoiceRecord> invoices) {
        return invoices.stream()
                .flatMap(invoice -> Stream.concat(
                        invoice.openTask().map(task -> new OpenTask(invoice, task.step().name(), task.assignee(),
                                task.reachedOn())).stream(),
                        invoice.courtesyTask().map(call -> new OpenTask(invoice, COURTESY_CALL, call.assignee(),
                                call.dueOn())).stream()))
                .filter(task -> assignee.equals(task.assignee()))
                .sorted(Comparator.comparing(OpenTask::since).thenComparing(task -> task.invoice().invoiceId()))
                .toList();
    }

    /** The invoices followed now, each as in {@code invoices}. */
    public List<InvoiceRecord> followed() {
        return followed.find().map(invoices::read).into(new ArrayList<>());
    }

    /** Every invoice: for checks against the figures kept as sums, never for a view. */
    public List<InvoiceRecord> all() {
        return invoices.collection().find().map(invoices::read).into(new ArrayList<>());
    }
}
