package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.LiftHold;
import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.PutOnHold;
import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.HoldLifted;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.account.CreditLimits;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.HandoverStatus;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.HandoverAnswer;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.invoice.InvoiceCommands.InvoiceIssuance;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.dunning.DunningCommands.AdvanceDunning;
import com.creditdesk.api.dunning.DunningEvents;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.dunning.DunningStep;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.ReleaseOutcome;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.order.ReleaseDecision;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SignalReport;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.api.terms.TermsCommands.AgreePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.DecidePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.TermsAnswer;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsApproved;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsRefused;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.command.common.CommandRefused.FourEyes;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.PaymentRegistration;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.common.CommandRefused.InvalidInput;
import com.creditdesk.command.common.CommandRefused.NotFound;
import com.creditdesk.command.common.CommandRefused.RuleViolated;
import com.creditdesk.command.dunning.ReminderTemplates;
import com.creditdesk.platform.security.Roles;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.creditdesk.api.common.Amounts.same;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One customer's credit account: the consistency boundary for everything that moves its exposure.
 * Command handlers check a rule, refuse or apply; event sourcing handlers only assign state. The
 * rules themselves (credit policy, allocation, overdue) are plain classes beside it.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger", cache = "accountCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerAccount {
    /** A payment promise pauses dunning until two days after the promised date. */
    private static final int PROMISE_GRACE_DAYS = 2;

    @AggregateIdentifier
    private String customerId;
    private String name;
    private Segment segment;
    private String currency;
    private String accountManager;
    private Language language;
    private String email;
    private BigDecimal analystLimit;
    private BigDecimal insurerLimit;
    private boolean onHold;
    private int paymentTermDays;
    private BigDecimal unappliedCredit = BigDecimal.ZERO;
    private Map<String, SecurityLine> securities = new LinkedHashMap<>();
    private Map<String, OrderLine> orders = new HashMap<>();
    private Map<String, OpenInvoice> invoices = new LinkedHashMap<>();
    private Map<String, PaymentLine> payments = new HashMap<>();
    private Map<String, SignalLine> signals = new LinkedHashMap<>();
    private OpenReview openReview;
    private int reviewsOpened;
    private PendingTerms pendingTerms;

    /** The credit review that sales signals opened and credit has not yet concluded. */
    record OpenReview(String reviewId, List<String> signalIds, List<String> reportedBy) {
    }

    /** Terms agreed by sales that wait for credit's approval. */
    record PendingTerms(int days, String reason, String agreedBy) {
    }

    protected CustomerAccount() {
        // for Axon and Jackson
    }

    // ---- opening ---------------------------------------------------------------------------

    /** Opening is idempotent: the same account sent again changes nothing; other content conflicts. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(OpenAccount cmd) {
        if (customerId != null) {
            boolean same = name.equals(cmd.name()) && segment == cmd.segment() && currency.equals(cmd.currency())
                    && accountManager.equals(cmd.accountManager()) && language == cmd.language()
                    && Objects.equals(email, cmd.email());
            if (!same) {
                throw RuleViolated.idConflict("account", cmd.customerId());
            }
            return customerId;
        }
        apply(new AccountOpened(cmd.customerId(), cmd.name(), cmd.segment(), cmd.currency(), cmd.accountManager(),
                cmd.language(), cmd.actor(), cmd.email()));
        return cmd.customerId();
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        customerId = event.customerId();
        name = event.name();
        segment = event.segment();
        currency = event.currency();
        accountManager = event.accountManager();
        language = event.language();
        email = event.email();
        paymentTermDays = event.segment().standardTermDays();
    }

    // ---- limits and securities ---------------------------------------------------------------

    public record LimitAnswer(BigDecimal effectiveLimit, BigDecimal availableCredit) {
    }

    @CommandHandler
    public LimitAnswer handle(SetCreditLimit cmd, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        setLimit(cmd.amount(), cmd.source(), cmd.reason(), cmd.reviewDate(), cmd.actor(), today);
        return new LimitAnswer(effectiveLimit(), availableCredit(today));
    }

    /** A lowered limit that leaves exposure above limit plus securities also records LimitExceeded. */
    private void setLimit(BigDecimal amount, LimitSource source, String reason, LocalDate reviewDate, String actor,
                          LocalDate today) {
        BigDecimal before = effectiveLimit();
        BigDecimal after = CreditLimits.effective(source == LimitSource.ANALYST ? amount : analystLimit,
                source == LimitSource.INSURER ? amount : insurerLimit);
        apply(new CreditLimitSet(customerId, amount, source, reason, reviewDate, before, after, actor));
        BigDecimal exposure = exposure();
        BigDecimal securitiesValue = activeSecurities(today);
        if (after.compareTo(before) < 0 && exposure.compareTo(after.add(securitiesValue)) > 0) {
            apply(new LimitExceeded(customerId, null, after, securitiesValue, exposure, BigDecimal.ZERO,
                    exposure.subtract(after.add(securitiesValue)), actor));
        }
    }

    @EventSourcingHandler
    void on(CreditLimitSet event) {
        if (event.source() == LimitSource.ANALYST) {
            analystLimit = event.amount();
        } else {
            insurerLimit = event.amount();
        }
    }

    @CommandHandler
    public String handle(RegisterSecurity cmd) {
        SecurityLine known = securities.get(cmd.securityId());
        if (known != null) {
            if (known.type() != cmd.type() || !same(known.amount(), cmd.amount())
                    || !Objects.equals(known.validUntil(), cmd.validUntil())) {
                throw RuleViolated.idConflict("security", cmd.securityId());
            }
            return cmd.securityId();
        }
        apply(new SecurityRegistered(customerId, cmd.securityId(), cmd.type(), cmd.amount(), cmd.validUntil(),
                cmd.actor()));
        return cmd.securityId();
    }

    @EventSourcingHandler
    void on(SecurityRegistered event) {
        securities.put(event.securityId(),
                new SecurityLine(event.securityId(), event.type(), event.amount(), event.validUntil()));
    }

    // ---- hold ------------------------------------------------------------------------------------

    /** Putting an account on hold that already is, or lifting a hold that is not there, records nothing. */
    @CommandHandler
    public void handle(PutOnHold cmd) {
        if (!onHold) {
            apply(new AccountPutOnHold(customerId, cmd.reason(), cmd.actor()));
        }
    }

    @EventSourcingHandler
    void on(AccountPutOnHold event) {
        onHold = true;
    }

    @CommandHandler
    public void handle(LiftHold cmd) {
        if (onHold) {
            apply(new HoldLifted(customerId, cmd.reason(), cmd.actor()));
        }
    }

    @EventSourcingHandler
    void on(HoldLifted event) {
        onHold = false;
    }

    // ---- orders ----------------------------------------------------------------------------------

    /** Every order is checked by the credit policy when it is placed, and the decision keeps its inputs. */
    @CommandHandler
    public OrderPlacement handle(PlaceOrder cmd, Clock clock) {
        OrderLine known = orders.get(cmd.orderId());
        if (known != null) {
            if (!same(known.amount(), cmd.amount()) || !known.currency().equals(cmd.currency())
                    || !Objects.equals(known.description(), cmd.description())) {
                throw RuleViolated.idConflict("order", cmd.orderId());
            }
            return new OrderPlacement(known.orderId(), initialStatus(known), known.reasons(), known.decision());
        }
        requireCurrency(cmd.currency());
        LocalDate today = LocalDate.now(clock);
        CreditDecision decision = new CreditDecision(effectiveLimit(), activeSecurities(today), exposure(), cmd.amount(),
                Receivables.overdueBalance(invoices.values(), today),
                Receivables.oldestDaysPastDue(invoices.values(), today), openReview != null, onHold,
                CreditPolicy.V1.version());
        List<BlockReason> reasons = CreditPolicy.V1.reasonsFor(decision);
        if (reasons.isEmpty()) {
            apply(new OrderAccepted(customerId, cmd.orderId(), cmd.amount(), cmd.currency(), cmd.description(),
                    decision, cmd.actor()));
            return new OrderPlacement(cmd.orderId(), OrderStatus.ACCEPTED, reasons, decision);
        }
        apply(new OrderBlocked(customerId, cmd.orderId(), cmd.amount(), cmd.currency(), cmd.description(), reasons,
                decision, cmd.actor()));
        if (reasons.contains(BlockReason.LIMIT_EXCEEDED)) {
            BigDecimal room = decision.effectiveLimit().add(decision.activeSecurities());
            BigDecimal wanted = decision.exposureBefore().add(cmd.amount());
            apply(new LimitExceeded(customerId, cmd.orderId(), decision.effectiveLimit(), decision.activeSecurities(),
                    decision.exposureBefore(), cmd.amount(), wanted.subtract(room), cmd.actor()));
        }
        return new OrderPlacement(cmd.orderId(), OrderStatus.BLOCKED, reasons, decision);
    }

    /** What the credit check answered, whatever happened to the order since. */
    private static OrderStatus initialStatus(OrderLine order) {
        return order.reasons().isEmpty() ? OrderStatus.ACCEPTED : OrderStatus.BLOCKED;
    }

    @EventSourcingHandler
    void on(OrderAccepted event) {
        orders.put(event.orderId(), new OrderLine(event.orderId(), event.amount(), event.currency(),
                event.description(), OrderStatus.ACCEPTED, List.of(), event.decision(), null));
    }

    @EventSourcingHandler
    void on(OrderBlocked event) {
        orders.put(event.orderId(), new OrderLine(event.orderId(), event.amount(), event.currency(),
                event.description(), OrderStatus.BLOCKED, event.reasons(), event.decision(), null));
    }

    /** Cancelling an order that is already cancelled records nothing; invoiced or rejected ones stay. */
    @CommandHandler
    public void handle(CancelOrder cmd) {
        OrderLine order = order(cmd.orderId());
        switch (order.status()) {
            case CANCELLED -> {
            }
            case ACCEPTED, BLOCKED, RELEASED -> apply(new OrderCancelled(customerId, order.orderId(), order.amount(),
                    order.status(), cmd.reason(), cmd.actor()));
            default -> throw new RuleViolated("ORDER_NOT_CANCELLABLE",
                    "order " + cmd.orderId() + " is " + order.status() + " and can no longer be cancelled");
        }
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        orders.computeIfPresent(event.orderId(), (id, order) -> order.withStatus(OrderStatus.CANCELLED));
    }

    // ---- release of blocked orders ------------------------------------------------------------

    /** Sales asks for a release; asking again with the same words records nothing. */
    @CommandHandler
    public void handle(RequestRelease cmd) {
        OrderLine order = order(cmd.orderId());
        OrderLine.ReleaseRequest request = order.releaseRequest();
        if (request != null && request.requestedBy().equals(cmd.actor())
                && request.justification().equals(cmd.justification())
                && request.proposedMeasure() == cmd.proposedMeasure()) {
            return;
        }
        if (order.status() != OrderStatus.BLOCKED) {
            throw new RuleViolated("ORDER_NOT_BLOCKED", "order " + cmd.orderId() + " is " + order.status()
                    + ": only a blocked order can be released");
        }
        if (request != null) {
            throw new RuleViolated("RELEASE_ALREADY_REQUESTED", "a release of order " + cmd.orderId()
                    + " was already requested by " + request.requestedBy() + " and waits for credit's decision");
        }
        apply(new ReleaseRequested(customerId, order.orderId(), order.amount(), cmd.justification(),
                cmd.proposedMeasure(), cmd.actor()));
    }

    @EventSourcingHandler
    void on(ReleaseRequested event) {
        orders.computeIfPresent(event.orderId(), (id, order) -> order.withReleaseRequest(
                new OrderLine.ReleaseRequest(event.justification(), event.proposedMeasure(), event.actor())));
    }

    /** Credit releases or rejects a blocked order; whoever asked for the release may never decide. */
    @CommandHandler
    public ReleaseOutcome handle(DecideRelease cmd) {
        OrderLine order = order(cmd.orderId());
        OrderStatus outcome = cmd.decision() == ReleaseDecision.RELEASE ? OrderStatus.RELEASED : OrderStatus.REJECTED;
        String requestedBy = order.releaseRequest() == null ? null : order.releaseRequest().requestedBy();
        if (cmd.actor().equals(requestedBy)) {
            throw new FourEyes(cmd.actor() + " asked for the release of order " + cmd.orderId()
                    + " and so may not decide on it: another credit controller decides");
        }
        if (order.status() == outcome) {
            return new ReleaseOutcome(order.orderId(), outcome); // the same decision again
        }
        if (order.status() != OrderStatus.BLOCKED) {
            throw new RuleViolated("ORDER_NOT_BLOCKED", "order " + cmd.orderId() + " is " + order.status()
                    + ": only a blocked order can be released or rejected");
        }
        if (outcome == OrderStatus.RELEASED) {
            apply(new OrderReleased(customerId, order.orderId(), order.amount(), cmd.note(), cmd.conditions(),
                    requestedBy, cmd.actor()));
        } else {
            apply(new OrderRejected(customerId, order.orderId(), order.amount(), cmd.note(), requestedBy,
                    cmd.actor()));
        }
        return new ReleaseOutcome(order.orderId(), outcome);
    }

    @EventSourcingHandler
    void on(OrderReleased event) {
        orders.computeIfPresent(event.orderId(), (id, order) -> order.withStatus(OrderStatus.RELEASED));
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        orders.computeIfPresent(event.orderId(), (id, order) -> order.withStatus(OrderStatus.REJECTED));
    }

    // ---- sales signals and credit reviews --------------------------------------------------------

    /** A signal from the field; a HIGH negative one, or a second MEDIUM one within 90 days, opens a review. */
    @CommandHandler
    public SignalReport handle(ReportSalesSignal cmd) {
        SignalLine known = signals.get(cmd.signalId());
        if (known != null) {
            if (known.category() != cmd.category() || known.severity() != cmd.severity()
                    || !known.note().equals(cmd.note()) || !known.observedOn().equals(cmd.observedOn())) {
                throw RuleViolated.idConflict("signal", cmd.signalId());
            }
            return new SignalReport(cmd.signalId(), known.openedReview());
        }
        SignalLine signal = new SignalLine(cmd.signalId(), cmd.category(), cmd.severity(), cmd.note(),
                cmd.observedOn(), cmd.actor(), false);
        var trigger = openReview == null ? ReviewTrigger.evaluate(signal, signals.values())
                : Optional.<ReviewTrigger.Trigger>empty();
        apply(new SalesSignalReported(customerId, cmd.signalId(), cmd.category(), cmd.category().direction(),
                cmd.severity(), cmd.note(), cmd.observedOn(), cmd.actor()));
        trigger.ifPresent(t -> apply(new CreditReviewOpened(customerId, customerId + "-R" + (reviewsOpened + 1),
                t.signals().stream().map(SignalLine::signalId).toList(),
                t.signals().stream().map(SignalLine::reportedBy).distinct().toList(), t.reason(), cmd.actor())));
        return new SignalReport(cmd.signalId(), trigger.isPresent());
    }

    @EventSourcingHandler
    void on(SalesSignalReported event) {
        signals.put(event.signalId(), new SignalLine(event.signalId(), event.category(), event.severity(),
                event.note(), event.observedOn(), event.actor(), false));
    }

    @EventSourcingHandler
    void on(CreditReviewOpened event) {
        openReview = new OpenReview(event.reviewId(), event.signalIds(), event.reportedBy());
        reviewsOpened++;
        // the last signal named is the one that opened it
        signals.computeIfPresent(event.signalIds().get(event.signalIds().size() - 1),
                (id, signal) -> signal.openingReview());
    }

    /** Credit concludes the open review: no change, a new limit, or a hold. */
    @CommandHandler
    public void handle(ConcludeReview cmd, Clock clock) {
        if (openReview == null) {
            throw new RuleViolated("NO_OPEN_REVIEW", "account " + customerId + " has no open credit review");
        }
        if (cmd.outcome() == ReviewOutcome.LIMIT_CHANGED && cmd.newLimit() == null) {
            throw new InvalidInput("newLimit", "a LIMIT_CHANGED conclusion needs the new limit");
        }
        OpenReview review = openReview;
        apply(new CreditReviewConcluded(customerId, review.reviewId(), cmd.outcome(), cmd.note(),
                cmd.outcome() == ReviewOutcome.LIMIT_CHANGED ? cmd.newLimit() : null, review.signalIds(),
                review.reportedBy(), cmd.actor()));
        if (cmd.outcome() == ReviewOutcome.LIMIT_CHANGED) {
            setLimit(cmd.newLimit(), LimitSource.ANALYST, "credit review " + review.reviewId() + ": " + cmd.note(),
                    null, cmd.actor(), LocalDate.now(clock));
        } else if (cmd.outcome() == ReviewOutcome.HOLD && !onHold) {
            apply(new AccountPutOnHold(customerId, "credit review " + review.reviewId() + ": " + cmd.note(),
                    cmd.actor()));
        }
    }

    @EventSourcingHandler
    void on(CreditReviewConcluded event) {
        openReview = null;
    }

    // ---- payment terms ---------------------------------------------------------------------------

    /** Terms agreed by sales; beyond 15 days above standard they wait for credit. */
    @CommandHandler
    public TermsAnswer handle(AgreePaymentTerms cmd) {
        if (pendingTerms != null && pendingTerms.days() == cmd.days()) {
            return new TermsAnswer(cmd.days(), TermsStatus.AWAITING_APPROVAL);
        }
        if (pendingTerms == null && paymentTermDays == cmd.days()) {
            return new TermsAnswer(cmd.days(), TermsStatus.IN_FORCE);
        }
        TermsStatus status = PaymentTerms.statusOf(cmd.days(), segment);
        apply(new PaymentTermsAgreed(customerId, cmd.days(), segment.standardTermDays(), paymentTermDays, status,
                cmd.reason(), cmd.actor()));
        return new TermsAnswer(cmd.days(), status);
    }

    @EventSourcingHandler
    void on(PaymentTermsAgreed event) {
        if (event.status() == TermsStatus.IN_FORCE) {
            paymentTermDays = event.days();
            pendingTerms = null;
        } else {
            pendingTerms = new PendingTerms(event.days(), event.reason(), event.actor());
        }
    }

    @CommandHandler
    public TermsAnswer handle(DecidePaymentTerms cmd) {
        if (pendingTerms == null) {
            throw new RuleViolated("NO_TERMS_AWAITING_APPROVAL",
                    "account " + customerId + " has no payment terms waiting for approval");
        }
        if (cmd.approve()) {
            apply(new PaymentTermsApproved(customerId, pendingTerms.days(), cmd.note(), pendingTerms.agreedBy(),
                    cmd.actor()));
        } else {
            apply(new PaymentTermsRefused(customerId, pendingTerms.days(), paymentTermDays, cmd.note(),
                    pendingTerms.agreedBy(), cmd.actor()));
        }
        return new TermsAnswer(paymentTermDays, TermsStatus.IN_FORCE);
    }

    @EventSourcingHandler
    void on(PaymentTermsApproved event) {
        paymentTermDays = event.days();
        pendingTerms = null;
    }

    @EventSourcingHandler
    void on(PaymentTermsRefused event) {
        pendingTerms = null;
    }

    // ---- invoices --------------------------------------------------------------------------------

    /** Without a due date the invoice gets issue date + the payment terms in force. */
    @CommandHandler
    public InvoiceIssuance handle(IssueInvoice cmd) {
        OpenInvoice known = invoices.get(cmd.invoiceId());
        if (known != null) {
            boolean same = Objects.equals(known.orderId(), cmd.orderId()) && same(known.amount(), cmd.amount())
                    && known.currency().equals(cmd.currency()) && known.issueDate().equals(cmd.issueDate())
                    && (cmd.dueDate() == null ? !known.dueDateGiven() : cmd.dueDate().equals(known.dueDate()));
            if (!same) {
                throw RuleViolated.idConflict("invoice", cmd.invoiceId());
            }
            return new InvoiceIssuance(known.invoiceId(), known.dueDate());
        }
        requireCurrency(cmd.currency());
        if (cmd.dueDate() != null && cmd.dueDate().isBefore(cmd.issueDate())) {
            throw new InvalidInput("dueDate", "the due date lies before the issue date");
        }
        if (cmd.orderId() != null) {
            OrderLine order = order(cmd.orderId());
            if (!order.open()) {
                throw new RuleViolated("ORDER_NOT_INVOICEABLE", "order " + cmd.orderId() + " is " + order.status()
                        + ": only accepted or released orders can be invoiced");
            }
        }
        Integer termDays = cmd.dueDate() == null ? paymentTermDays : null;
        LocalDate dueDate = cmd.dueDate() != null ? cmd.dueDate() : cmd.issueDate().plusDays(paymentTermDays);
        apply(new InvoiceIssued(customerId, cmd.invoiceId(), cmd.orderId(), cmd.amount(), cmd.currency(),
                cmd.issueDate(), dueDate, termDays, cmd.actor()));
        planNextStep(cmd.invoiceId());
        return new InvoiceIssuance(cmd.invoiceId(), dueDate);
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoices.put(event.invoiceId(), OpenInvoice.issued(event.invoiceId(), event.orderId(), event.amount(),
                event.currency(), event.issueDate(), event.dueDate(), event.termDays() == null));
        if (event.orderId() != null) {
            orders.computeIfPresent(event.orderId(), (id, order) -> order.withStatus(OrderStatus.INVOICED));
        }
    }

    // ---- payments --------------------------------------------------------------------------------

    @CommandHandler
    public PaymentRegistration handle(RegisterPayment cmd, Clock clock) {
        PaymentLine known = payments.get(cmd.paymentId());
        if (known != null) {
            if (!same(known.amount(), cmd.amount()) || !known.currency().equals(cmd.currency())
                    || !known.receivedOn().equals(cmd.receivedOn())
                    || !Objects.equals(known.invoiceId(), cmd.invoiceId())) {
                throw RuleViolated.idConflict("payment", cmd.paymentId());
            }
            return new PaymentRegistration(known.paymentId(), known.allocations(), known.unapplied());
        }
        requireCurrency(cmd.currency());
        List<OpenInvoice> candidates = cmd.invoiceId() == null
                ? List.copyOf(invoices.values())
                : List.of(invoice(cmd.invoiceId()));
        PaymentAllocation.Result result = PaymentAllocation.allocate(cmd.amount(), candidates);
        apply(new PaymentRegistered(customerId, cmd.paymentId(), cmd.amount(), cmd.currency(), cmd.receivedOn(),
                cmd.invoiceId(), result.allocations(), result.unapplied(), cmd.actor()));
        for (Allocation allocation : result.allocations()) {
            OpenInvoice.Promise promise = invoices.get(allocation.invoiceId()).promise();
            if (promise != null && promise.paid().compareTo(promise.amount()) >= 0) {
                apply(new PaymentPromiseKept(customerId, allocation.invoiceId(), promise.promisedOn(),
                        promise.amount()));
                resumeDunning(allocation.invoiceId(), "promise kept, a balance remains", LocalDate.now(clock));
            }
        }
        return new PaymentRegistration(cmd.paymentId(), result.allocations(), result.unapplied());
    }

    @EventSourcingHandler
    void on(PaymentRegistered event) {
        for (Allocation allocation : event.allocations()) {
            invoices.computeIfPresent(allocation.invoiceId(), (id, invoice) -> {
                OpenInvoice.Promise promise = invoice.promise();
                if (promise != null && promise.validOn(event.receivedOn())) {
                    invoice = invoice.withPromise(new OpenInvoice.Promise(promise.promisedOn(), promise.amount(),
                            promise.pausedUntil(), promise.paid().add(allocation.amount())));
                }
                return invoice.withBalance(invoice.balance().subtract(allocation.amount()));
            });
        }
        unappliedCredit = unappliedCredit.add(event.unapplied());
        payments.put(event.paymentId(), new PaymentLine(event.paymentId(), event.amount(), event.currency(),
                event.receivedOn(), event.invoiceId(), event.allocations(), event.unapplied()));
    }

    // ---- disputes, promises, collection hand-over ------------------------------------------------

    @CommandHandler
    public void handle(DisputeInvoice cmd) {
        OpenInvoice invoice = followedUp(cmd.invoiceId());
        if (invoice.disputed()) {
            throw new RuleViolated("ALREADY_DISPUTED", "invoice " + cmd.invoiceId() + " is already disputed");
        }
        apply(new InvoiceDisputed(customerId, cmd.invoiceId(), cmd.reason(), cmd.actor()));
    }

    @EventSourcingHandler
    void on(InvoiceDisputed event, @Timestamp Instant at) {
        invoices.computeIfPresent(event.invoiceId(), (id, invoice) -> invoice.withDisputed(true)
                .withDunning(invoice.dunning().pausedFrom(LocalDate.ofInstant(at, ZoneOffset.UTC))));
    }

    /** Answers the balance left open. */
    @CommandHandler
    public BigDecimal handle(ResolveDispute cmd, Clock clock) {
        OpenInvoice invoice = invoice(cmd.invoiceId());
        if (!invoice.disputed()) {
            throw new RuleViolated("NOT_DISPUTED", "invoice " + cmd.invoiceId() + " has no open dispute");
        }
        BigDecimal credited = cmd.creditNoteAmount();
        if (cmd.outcome() == DisputeOutcome.CREDITED) {
            if (credited == null || credited.signum() == 0) {
                throw new InvalidInput("creditNoteAmount", "a CREDITED dispute needs a credit note amount above 0");
            }
            if (credited.compareTo(invoice.balance()) > 0) {
                throw new RuleViolated("CREDIT_NOTE_EXCEEDS_BALANCE", "the credit note of " + credited
                        + " exceeds the open balance of " + invoice.balance());
            }
        } else if (credited != null) {
            throw new InvalidInput("creditNoteAmount", "only a CREDITED dispute has a credit note amount");
        }
        BigDecimal balance = credited == null ? invoice.balance() : invoice.balance().subtract(credited);
        apply(new DisputeResolved(customerId, cmd.invoiceId(), cmd.outcome(), credited, balance, cmd.note(),
                cmd.actor()));
        resumeDunning(cmd.invoiceId(), "dispute " + cmd.outcome().name().toLowerCase(), LocalDate.now(clock));
        return balance;
    }

    @EventSourcingHandler
    void on(DisputeResolved event) {
        invoices.computeIfPresent(event.invoiceId(),
                (id, invoice) -> invoice.withDisputed(false).withBalance(event.balance()));
    }

    /** Answers the day until which dunning pauses. */
    @CommandHandler
    public LocalDate handle(PromisePayment cmd, Clock clock) {
        OpenInvoice invoice = followedUp(cmd.invoiceId());
        LocalDate today = LocalDate.now(clock);
        if (cmd.promisedOn().isBefore(today)) {
            throw new InvalidInput("promisedOn", "a promise lies in the future: " + cmd.promisedOn()
                    + " is before today, " + today);
        }
        if (cmd.amount().compareTo(invoice.balance()) > 0) {
            throw new RuleViolated("PROMISE_EXCEEDS_BALANCE", "the promised " + cmd.amount()
                    + " exceeds the open balance of " + invoice.balance());
        }
        if (invoice.promise() != null && invoice.promise().validOn(today)) {
            throw new RuleViolated("PROMISE_OPEN", "invoice " + cmd.invoiceId() + " already has a promise for "
                    + invoice.promise().promisedOn());
        }
        LocalDate pausedUntil = cmd.promisedOn().plusDays(PROMISE_GRACE_DAYS);
        apply(new PaymentPromised(customerId, cmd.invoiceId(), cmd.promisedOn(), cmd.amount(), pausedUntil,
                cmd.actor()));
        // the day after the pause: dunning looks whether the promise was kept
        DunningStep.after(invoice.dunning().reached()).ifPresent(step ->
                apply(new DunningScheduled(customerId, cmd.invoiceId(), step, pausedUntil.plusDays(1))));
        return pausedUntil;
    }

    @EventSourcingHandler
    void on(PaymentPromised event, @Timestamp Instant at) {
        invoices.computeIfPresent(event.invoiceId(), (id, invoice) -> invoice.withPromise(
                new OpenInvoice.Promise(event.promisedOn(), event.amount(), event.pausedUntil(), BigDecimal.ZERO))
                .withDunning(invoice.dunning().pausedFrom(LocalDate.ofInstant(at, ZoneOffset.UTC))));
    }

    @EventSourcingHandler
    void on(PaymentPromiseKept event) {
        invoices.computeIfPresent(event.invoiceId(), (id, invoice) -> invoice.withPromise(null));
    }

    /** Four eyes across the two sides: one CREDIT and one SALES approval, by two different people. */
    @CommandHandler
    public HandoverAnswer handle(ApproveCollectionHandover cmd) {
        OpenInvoice invoice = followedUp(cmd.invoiceId());
        if (invoice.disputed()) {
            throw new RuleViolated("DISPUTED", "invoice " + cmd.invoiceId()
                    + " is disputed: resolve the dispute before a hand-over");
        }
        List<OpenInvoice.Approval> given = invoice.handoverApprovals();
        if (given.stream().anyMatch(approval -> approval.actor().equals(cmd.actor()))) {
            throw new FourEyes(cmd.actor() + " approved this hand-over already; a second person must approve");
        }
        Set<String> needed = new LinkedHashSet<>(List.of(Roles.CREDIT, Roles.SALES));
        given.forEach(approval -> needed.remove(approval.role()));
        String role = needed.stream().filter(cmd.roles()::contains).findFirst().orElseThrow(() ->
                new FourEyes("a hand-over needs a " + String.join(" and a ", needed) + " approval"));
        apply(new CollectionHandoverApproved(customerId, cmd.invoiceId(), cmd.agency(), cmd.note(), role,
                cmd.actor()));
        if (needed.size() > 1) {
            return new HandoverAnswer(HandoverStatus.AWAITING_SECOND_APPROVAL);
        }
        List<String> approvedBy = new ArrayList<>(given.stream().map(OpenInvoice.Approval::actor).toList());
        approvedBy.add(cmd.actor());
        apply(new InvoiceHandedOver(customerId, cmd.invoiceId(), cmd.agency(), approvedBy));
        if (!onHold) {
            apply(new AccountPutOnHold(customerId, "collection hand-over of invoice " + cmd.invoiceId(),
                    cmd.actor()));
        }
        return new HandoverAnswer(HandoverStatus.HANDED_OVER);
    }

    @EventSourcingHandler
    void on(CollectionHandoverApproved event) {
        invoices.computeIfPresent(event.invoiceId(),
                (id, invoice) -> invoice.withApproval(new OpenInvoice.Approval(event.actor(), event.role())));
    }

    @EventSourcingHandler
    void on(InvoiceHandedOver event) {
        invoices.computeIfPresent(event.invoiceId(), (id, invoice) -> invoice.handedOverNow());
    }

    // ---- dunning ---------------------------------------------------------------------------------

    /**
     * The timer's wake-up: records every step of the invoice that fell due by today, in order, each
     * once. A promise not kept by the end of its pause is broken, and dunning moves straight to its
     * next step; while disputed or under a valid promise nothing happens.
     */
    @CommandHandler
    public void handle(AdvanceDunning cmd, Clock clock, ReminderTemplates templates) {
        OpenInvoice invoice = invoices.get(cmd.invoiceId());
        LocalDate today = LocalDate.now(clock);
        if (invoice == null || !invoice.dunnable() || invoice.disputed()) {
            return;
        }
        boolean moved = false;
        OpenInvoice.Promise promise = invoice.promise();
        if (promise != null) {
            if (promise.validOn(today)) {
                return;
            }
            apply(new PaymentPromiseBroken(customerId, cmd.invoiceId(), promise.promisedOn(), promise.amount(),
                    promise.paid()));
            if (Receivables.overdue(invoice, today)) { // a promise broken before the due date escalates nothing yet
                DunningStep.after(invoice.dunning().reached())
                        .ifPresent(step -> reachStep(cmd.invoiceId(), step, today, today, templates));
            }
            moved = true;
        }
        for (Optional<DunningStep> next = nextStep(cmd.invoiceId());
             next.isPresent() && !DunningSchedule.dueOn(invoices.get(cmd.invoiceId()), next.get(), segment).isAfter(today);
             next = nextStep(cmd.invoiceId())) {
            DunningStep step = next.get();
            reachStep(cmd.invoiceId(), step, DunningSchedule.dueOn(invoices.get(cmd.invoiceId()), step, segment), today,
                    templates);
            moved = true;
        }
        if (moved) {
            planNextStep(cmd.invoiceId());
        }
    }

    private Optional<DunningStep> nextStep(String invoiceId) {
        return DunningStep.after(invoices.get(invoiceId).dunning().reached());
    }

    private void reachStep(String invoiceId, DunningStep step, LocalDate dueOn, LocalDate today,
                           ReminderTemplates templates) {
        OpenInvoice invoice = invoices.get(invoiceId);
        long daysPastDue = Receivables.daysPastDue(invoice, today);
        String assignee = switch (step.performer()) {
            case SALES -> accountManager;
            case CREDIT -> Roles.CREDIT;
            case SYSTEM -> null;
        };
        DunningEvents.Message message = step.sendsMessage()
                ? templates.render(step, new ReminderTemplates.Letter(segment, language, name, email, invoiceId,
                        invoice.balance(), invoice.currency(), invoice.dueDate(), daysPastDue))
                : null;
        apply(new DunningStepReached(customerId, invoiceId, step, dueOn, daysPastDue, invoice.balance(),
                invoice.currency(), assignee, message));
    }

    /** Plans the next step on its day, for an invoice that dunning still follows. */
    private void planNextStep(String invoiceId) {
        OpenInvoice invoice = invoices.get(invoiceId);
        if (invoice.dunnable()) {
            nextStep(invoiceId).ifPresent(step -> apply(new DunningScheduled(customerId, invoiceId, step,
                    DunningSchedule.dueOn(invoice, step, segment))));
        }
    }

    /** A pause ended without a broken promise: the schedule moves back by the days it lasted. */
    private void resumeDunning(String invoiceId, String reason, LocalDate today) {
        OpenInvoice invoice = invoices.get(invoiceId);
        if (invoice.dunnable() && !invoice.disputed()) {
            apply(new DunningResumed(customerId, invoiceId, DunningSchedule.pausedDays(invoice, today), reason));
            planNextStep(invoiceId);
        }
    }

    @EventSourcingHandler
    void on(DunningStepReached event) {
        invoices.computeIfPresent(event.invoiceId(),
                (id, invoice) -> invoice.withDunning(invoice.dunning().reach(event.step())));
    }

    @EventSourcingHandler
    void on(DunningResumed event) {
        invoices.computeIfPresent(event.invoiceId(),
                (id, invoice) -> invoice.withDunning(invoice.dunning().resumed(event.pausedDays())));
    }

    /** A broken promise forfeits its pause: the schedule does not move. */
    @EventSourcingHandler
    void on(PaymentPromiseBroken event) {
        invoices.computeIfPresent(event.invoiceId(),
                (id, invoice) -> invoice.withPromise(null).withDunning(invoice.dunning().resumed(0)));
    }

    /** An invoice that can still be followed up: a balance is open and it is not with an agency. */
    private OpenInvoice followedUp(String invoiceId) {
        OpenInvoice invoice = invoice(invoiceId);
        if (invoice.handedOver()) {
            throw new RuleViolated("HANDED_OVER", "invoice " + invoiceId + " is with a collection agency");
        }
        if (!invoice.open()) {
            throw new RuleViolated("INVOICE_SETTLED", "invoice " + invoiceId + " has no open balance");
        }
        return invoice;
    }

    // ---- derived figures -------------------------------------------------------------------------

    private BigDecimal effectiveLimit() {
        return CreditLimits.effective(analystLimit, insurerLimit);
    }

    private BigDecimal activeSecurities(LocalDate today) {
        return securities.values().stream().filter(s -> s.activeOn(today)).map(SecurityLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Open orders (accepted or released, not invoiced) plus the outstanding balance of invoices. */
    private BigDecimal exposure() {
        BigDecimal openOrders = orders.values().stream().filter(OrderLine::open).map(OrderLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return openOrders.add(Receivables.outstanding(invoices.values()));
    }

    private BigDecimal availableCredit(LocalDate today) {
        return effectiveLimit().add(activeSecurities(today)).subtract(exposure());
    }

    private void requireCurrency(String requested) {
        if (!currency.equals(requested)) {
            throw new InvalidInput("currency", "this account is kept in " + currency + ", not " + requested);
        }
    }

    private OrderLine order(String orderId) {
        OrderLine order = orders.get(orderId);
        if (order == null) {
            throw new NotFound("order", orderId);
        }
        return order;
    }

    private OpenInvoice invoice(String invoiceId) {
        OpenInvoice invoice = invoices.get(invoiceId);
        if (invoice == null) {
            throw new NotFound("invoice", invoiceId);
        }
        return invoice;
    }
}
