package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.LiftHold;
import com.creditdesk.api.account.AccountCommands.LimitAnswer;
import com.creditdesk.api.account.AccountCommands.JoinGroup;
import com.creditdesk.api.account.AccountCommands.MemberExposure;
import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.PutOnHold;
import com.creditdesk.api.account.AccountCommands.RegisterSecurity;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.dunning.DunningCommands.AdvanceDunning;
import com.creditdesk.api.dunning.DunningCommands.OpenCourtesyCall;
import com.creditdesk.api.dunning.DunningCommands.RecordCourtesyCall;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.invoice.DisputeOutcome;
import com.creditdesk.api.invoice.InvoiceCommands.ApproveCollectionHandover;
import com.creditdesk.api.invoice.InvoiceCommands.DisputeInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.HandoverAnswer;
import com.creditdesk.api.invoice.InvoiceCommands.InvoiceIssuance;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.invoice.InvoiceCommands.PromisePayment;
import com.creditdesk.api.invoice.InvoiceCommands.ResolveDispute;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderCommands.CancelOrder;
import com.creditdesk.api.order.OrderCommands.DecideRelease;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderCommands.ReleaseOutcome;
import com.creditdesk.api.order.OrderCommands.RequestRelease;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.RoomMade;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentCommands.PaymentRegistration;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.signal.ReviewOutcome;
import com.creditdesk.api.signal.SignalCommands.ConcludeReview;
import com.creditdesk.api.signal.SignalCommands.OpenDueReview;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import com.creditdesk.api.signal.SignalCommands.SignalReport;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.terms.TermsCommands.AgreePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.DecidePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.TermsAnswer;
import com.creditdesk.command.dunning.CourtesyCallSettings;
import com.creditdesk.command.dunning.DunningPlan;
import com.creditdesk.command.dunning.ReminderLetters;
import com.creditdesk.command.invoice.OpenInvoice;
import com.creditdesk.command.signal.ReviewCycles;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import com.creditdesk.api.statement.StatementCommands.FindOpenInvoicesOfAmount;
import java.time.LocalDate;

import static com.creditdesk.api.common.Amounts.same;
import java.util.List;
import java.util.Set;

/**
 * One customer's credit account: the consistency boundary for everything that moves its exposure, as a thin
 * layer of decisions. The rules live in the parts it holds ({@link AccountState}: credit position, order book,
 * invoice book, payments, review ledger, terms, risk class, and the dunning plan): each decides which events a
 * command records, or refuses it; the handlers here put them together and answer from the state they leave.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshotTrigger", cache = "accountCache")
@Revision("2") // the state's shape: snapshots of another shape are skipped and the account replayed
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CustomerAccount extends AccountState {
    protected CustomerAccount() {
        // for Axon and Jackson
    }

    // ---- the account, its limits, securities and hold ------------------------------------------------

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(OpenAccount cmd) {
        if (profile != null) {
            profile.requireSameAs(cmd);
        } else {
            emit(new AccountOpened(cmd.customerId(), cmd.name(), cmd.segment(), cmd.currency(),
                    cmd.accountManager(), cmd.language(), cmd.actor(), cmd.email()));
        }
        return cmd.customerId();
    }

    @CommandHandler
    public LimitAnswer handle(SetCreditLimit cmd, Clock clock) {
        LocalDate today = LocalDate.now(clock);
        emit(credit.setLimit(customerId, cmd.amount(), cmd.source(), cmd.reason(), cmd.reviewDate(), cmd.actor(),
                figures(today).exposure(), today));
        secondLook(RoomMade.LIMIT_SET, null, today);
        emit(risk.limitReviewOn(customerId, cmd.reviewDate()));
        return new LimitAnswer(credit.effectiveLimit(), figures(today).availableCredit());
    }

    @CommandHandler
    public String handle(RegisterSecurity cmd, Clock clock) {
        if (emitted(credit.register(cmd))) {
            secondLook(RoomMade.SECURITY, cmd.securityId(), LocalDate.now(clock));
        }
        return cmd.securityId();
    }

    @CommandHandler
    public void handle(PutOnHold cmd) {
        emit(credit.putOnHold(customerId, cmd.reason(), cmd.actor()));
    }

    @CommandHandler
    public void handle(LiftHold cmd, Clock clock) {
        if (emitted(credit.liftHold(customerId, cmd.reason(), cmd.actor()))) {
            secondLook(RoomMade.HOLD_LIFTED, null, LocalDate.now(clock));
        }
    }

    // ---- orders --------------------------------------------------------------------------------------

    /**
     * Every order is checked by the credit policy when it is placed, and the decision keeps its inputs. A group
     * member's order is checked with its group's answer: without it, the account answers its exposure for the group
     * to be asked first ({@link MemberExposure}), and records nothing.
     */
    @CommandHandler
    public Object handle(PlaceOrder cmd, Clock clock) {
        if (orders.repeated(cmd).isEmpty()) {
            profile.requireCurrency(cmd.currency());
            if (membership.member() && cmd.groupCredit() == null) {
                return memberExposure(LocalDate.now(clock));
            }
            CreditDecision decision = creditCheck(cmd.amount(), LocalDate.now(clock))
                    .withGroup(membership.member() ? cmd.groupCredit() : null);
            Object placed = orders.place(cmd, decision);
            emit(placed);
            if (placed instanceof OrderBlocked blocked && blocked.reasons().contains(BlockReason.LIMIT_EXCEEDED)) {
                emit(CreditPosition.limitExceeded(customerId, cmd.orderId(), decision.effectiveLimit(),
                        decision.activeSecurities(), decision.exposureBefore(), cmd.amount(), cmd.actor()));
            }
        }
        return orders.placement(cmd.orderId());
    }

    /** The account joins a corporate group with its exposure now; the answer is what the group is to count. */
    @CommandHandler
    public MemberExposure handle(JoinGroup cmd, Clock clock) {
        emit(membership.join(cmd, profile.currency(), figures(LocalDate.now(clock)).exposure()));
        return memberExposure(LocalDate.now(clock));
    }

    @CommandHandler
    public void handle(CancelOrder cmd) {
        emit(orders.cancel(cmd));
    }

    @CommandHandler
    public void handle(RequestRelease cmd) {
        emit(orders.requestRelease(cmd));
    }

    @CommandHandler
    public ReleaseOutcome handle(DecideRelease cmd) {
        emit(orders.decideRelease(cmd));
        return orders.releaseOutcome(cmd.orderId());
    }

    // ---- signals, reviews and terms ------------------------------------------------------------------

    @CommandHandler
    public SignalReport handle(ReportSalesSignal cmd) {
        if (reviews.repeated(cmd).isEmpty()) {
            emit(reviews.report(cmd));
            emit(risk.afterSignal(cmd));
        }
        return reviews.report(cmd.signalId());
    }

    /** The conclusion of a review may set a new limit or put the account on hold; it plans the next review. */
    @CommandHandler
    public void handle(ConcludeReview cmd, Clock clock, ReviewCycles cycles) {
        CreditReviewConcluded concluded = reviews.conclude(cmd);
        emit(concluded);
        String reason = "credit review " + concluded.reviewId() + ": " + cmd.note();
        if (cmd.outcome() == ReviewOutcome.LIMIT_CHANGED) {
            LocalDate today = LocalDate.now(clock);
            emit(credit.setLimit(customerId, cmd.newLimit(), LimitSource.ANALYST, reason, null, cmd.actor(),
                    figures(today).exposure(), today));
        } else if (cmd.outcome() == ReviewOutcome.HOLD) {
            emit(credit.putOnHold(customerId, reason, cmd.actor()));
        }
        secondLook(RoomMade.REVIEW_CONCLUDED, concluded.reviewId(), LocalDate.now(clock));
        emit(risk.reviewConcluded(customerId, LocalDate.now(clock), cycles));
    }

    @CommandHandler
    public void handle(SetRiskClass cmd, Clock clock, ReviewCycles cycles, CourtesyCallSettings courtesyCalls) {
        Set<CourtesyReason> before = courtesyReasons(LocalDate.now(clock), courtesyCalls);
        emit(risk.set(cmd, LocalDate.now(clock), cycles));
        planCourtesyCalls(before, LocalDate.now(clock), courtesyCalls);
    }

    /** The review timer's wake-up: a periodic review whose day has come opens, unless one is open already. */
    @CommandHandler
    public void handle(OpenDueReview cmd, Clock clock) {
        if (risk.reviewDue(LocalDate.now(clock)) && !reviews.reviewOpen()) {
            emit(reviews.openPeriodic(customerId, risk.dueReviewReason()));
        }
    }

    @CommandHandler
    public TermsAnswer handle(AgreePaymentTerms cmd) {
        emit(terms.agree(cmd, profile.segment()));
        return terms.agreed(cmd.days());
    }

    @CommandHandler
    public TermsAnswer handle(DecidePaymentTerms cmd) {
        emit(terms.decide(cmd));
        return terms.inForce();
    }

    // ---- invoices, payments and their follow-up ------------------------------------------------------

    /** A bank line's last rule: the open invoices (not disputed, not handed over) of exactly its amount. Records nothing. */
    @CommandHandler
    public List<String> handle(FindOpenInvoicesOfAmount cmd) {
        return invoices.all().stream()
                .filter(invoice -> invoice.open() && !invoice.disputed() && !invoice.handedOver())
                .filter(invoice -> invoice.currency().equals(cmd.currency()) && same(invoice.balance(), cmd.amount()))
                .map(OpenInvoice::invoiceId).sorted().toList();
    }

    @CommandHandler
    public InvoiceIssuance handle(IssueInvoice cmd, Clock clock, CourtesyCallSettings courtesyCalls) {
        if (invoices.repeated(cmd).isEmpty()) {
            profile.requireCurrency(cmd.currency());
            if (cmd.orderId() != null) {
                orders.requireInvoiceable(cmd.orderId());
            }
            emit(invoices.issue(cmd, terms.daysInForce()));
            emit(DunningPlan.planNext(profile.debtor(), invoices.invoice(cmd.invoiceId())));
            planCourtesyCalls(Set.of(), LocalDate.now(clock), courtesyCalls);
        }
        return invoices.issuance(cmd.invoiceId());
    }

    /** A payment that completes a promise keeps it, and dunning resumes for what is left. */
    @CommandHandler
    public PaymentRegistration handle(RegisterPayment cmd, Clock clock, CourtesyCallSettings courtesyCalls) {
        if (payments.repeated(cmd).isEmpty()) {
            profile.requireCurrency(cmd.currency());
            Set<CourtesyReason> before = courtesyReasons(LocalDate.now(clock), courtesyCalls);
            List<OpenInvoice> candidates = cmd.invoiceId() == null ? List.copyOf(invoices.all())
                    : List.of(invoices.invoice(cmd.invoiceId()));
            emit(payments.register(cmd, candidates));
            for (Allocation allocation : payments.registration(cmd.paymentId()).allocations()) {
                invoices.promiseKept(customerId, allocation.invoiceId()).ifPresent(kept -> {
                    emit(kept);
                    resumeDunning(allocation.invoiceId(), "promise kept, a balance remains", LocalDate.now(clock));
                });
            }
            secondLook(RoomMade.PAYMENT, cmd.paymentId(), LocalDate.now(clock));
            planCourtesyCalls(before, LocalDate.now(clock), courtesyCalls); // late payments may make them needed
        }
        return payments.registration(cmd.paymentId());
    }

    @CommandHandler
    public void handle(DisputeInvoice cmd) {
        emit(invoices.dispute(cmd));
    }

    /** Answers the balance left open. */
    @CommandHandler
    public BigDecimal handle(ResolveDispute cmd, Clock clock) {
        DisputeResolved resolved = invoices.resolve(cmd);
        emit(resolved);
        resumeDunning(cmd.invoiceId(), "dispute " + cmd.outcome().name().toLowerCase(), LocalDate.now(clock));
        if (cmd.outcome() == DisputeOutcome.CREDITED) {
            secondLook(RoomMade.CREDIT_NOTE, cmd.invoiceId(), LocalDate.now(clock));
        }
        return resolved.balance();
    }

    /** Answers the day until which dunning pauses. */
    @CommandHandler
    public LocalDate handle(PromisePayment cmd, Clock clock) {
        PaymentPromised promised = invoices.promise(cmd, LocalDate.now(clock));
        emit(promised);
        emit(DunningPlan.checkPromise(profile.debtor(), invoices.invoice(cmd.invoiceId()), promised.pausedUntil()));
        return promised.pausedUntil();
    }

    /** The second approval hands the invoice over (with the debtor's notice of it) and puts the account on hold. */
    @CommandHandler
    public HandoverAnswer handle(ApproveCollectionHandover cmd, Clock clock, ReminderLetters letters) {
        List<Object> approved = invoices.approveHandover(cmd, invoice -> DunningPlan.handoverNotice(profile.debtor(),
                invoice, cmd.agency(), LocalDate.now(clock), letters));
        emit(approved);
        if (approved.stream().anyMatch(InvoiceHandedOver.class::isInstance)) {
            emit(credit.putOnHold(customerId, "collection hand-over of invoice " + cmd.invoiceId(), cmd.actor()));
        }
        return invoices.handover(cmd.invoiceId());
    }

    /** The dunning timer's wake-up; an invoice this account does not know has nothing to advance. */
    @CommandHandler
    public void handle(AdvanceDunning cmd, Clock clock, ReminderLetters letters, CourtesyCallSettings courtesyCalls) {
        Set<CourtesyReason> before = courtesyReasons(LocalDate.now(clock), courtesyCalls);
        List<Object> advanced = invoices.find(cmd.invoiceId())
                .map(invoice -> DunningPlan.advance(profile.debtor(), invoice, LocalDate.now(clock), letters))
                .orElse(List.of());
        emit(advanced);
        emit(risk.afterDunning(customerId, cmd.invoiceId(), advanced));
        planCourtesyCalls(before, LocalDate.now(clock), courtesyCalls); // a broken promise may make them needed
    }

    /** The courtesy-call timer's wake-up on the planned day. */
    @CommandHandler
    public void handle(OpenCourtesyCall cmd, Clock clock, CourtesyCallSettings courtesyCalls) {
        invoices.find(cmd.invoiceId()).ifPresent(invoice -> emit(courtesy.open(profile.debtor(), invoice,
                risk.riskClass(), LocalDate.now(clock), courtesyCalls)));
    }

    @CommandHandler
    public void handle(RecordCourtesyCall cmd) {
        invoices.invoice(cmd.invoiceId()); // an invoice this account does not know is a 404
        emit(courtesy.record(cmd));
    }
}
