package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.MemberExposure;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.GroupExposureChanged;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.command.group.GroupMembership;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import com.creditdesk.api.account.CreditFigures;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.CreditPolicy;
import com.creditdesk.api.order.RoomMade;
import com.creditdesk.command.dunning.CourtesyCallSettings;
import com.creditdesk.command.dunning.CourtesyCalls;
import com.creditdesk.command.dunning.DunningPlan;
import com.creditdesk.command.invoice.InvoiceBook;
import com.creditdesk.command.invoice.OpenInvoice;
import com.creditdesk.command.order.OrderBook;
import com.creditdesk.command.payment.Payments;
import com.creditdesk.command.signal.ReviewLedger;
import com.creditdesk.command.signal.RiskClassification;
import com.creditdesk.command.terms.TermsNegotiation;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * What a customer account remembers, in its parts, and how its events change them: every part takes from every
 * event what concerns it. Beside it, what several parts decide together (the credit check, the second look at
 * blocked orders, dunning resumed) and how decided events are recorded. {@link CustomerAccount} decides.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
abstract class AccountState {
    @AggregateIdentifier
    String customerId;
    AccountProfile profile;
    CreditPosition credit = new CreditPosition();
    OrderBook orders = new OrderBook();
    InvoiceBook invoices = new InvoiceBook();
    Payments payments = new Payments();
    ReviewLedger reviews = new ReviewLedger();
    TermsNegotiation terms = new TermsNegotiation();
    RiskClassification risk = new RiskClassification();
    CourtesyCalls courtesy = new CourtesyCalls();
    GroupMembership membership = new GroupMembership();


    /** After a command that made room: blocked orders the credit check would now pass are flagged, not released. */
    void secondLook(RoomMade cause, String reference, LocalDate today) {
        emit(orders.secondLook(customerId, amount -> creditCheck(amount, today), cause, reference));
    }

    Set<CourtesyReason> courtesyReasons(LocalDate today, CourtesyCallSettings settings) {
        return courtesy.reasons(risk.riskClass(), today, settings);
    }

    /**
     * Courtesy calls for the open invoices not due yet that have none, when the customer needs them for a reason
     * it did not have {@code before}: a new invoice (nothing before), a HIGH class, a broken promise, late payments.
     */
    void planCourtesyCalls(Set<CourtesyReason> before, LocalDate today, CourtesyCallSettings settings) {
        if (!before.containsAll(courtesyReasons(today, settings))) {
            emit(courtesy.plan(profile.debtor(), invoices.all(), risk.riskClass(), today, settings));
        }
    }

    void resumeDunning(String invoiceId, String reason, LocalDate today) {
        emit(DunningPlan.resume(profile.debtor(), invoices.invoice(invoiceId), reason, today));
    }

    CreditDecision creditCheck(BigDecimal amount, LocalDate today) {
        CreditFigures figures = figures(today);
        return new CreditDecision(figures.effectiveLimit(), figures.activeSecurities(), figures.exposure(), amount,
                figures.overdueBalance(), invoices.oldestDaysPastDue(today), reviews.reviewOpen(), credit.onHold(),
                CreditPolicy.V1.version());
    }

    CreditFigures figures(LocalDate today) {
        return credit.figures(today, orders.openAmount(), invoices.all());
    }

    /** What the account answers its group: its exposure, its last event's sequence, the reserved orders it counts. */
    MemberExposure memberExposure(LocalDate today) {
        Long version = AggregateLifecycle.getVersion();
        return new MemberExposure(customerId, membership.groupId(), figures(today).exposure(),
                version == null ? -1 : version, orders.openWithGroupReservation());
    }

    /**
     * A group member tells its group whenever a command changed its exposure, so the group counts it: an order
     * accepted with room the group reserved names that order, whose reservation then ends.
     */
    @CommandHandlerInterceptor
    Object tellTheGroup(CommandMessage<?> command, InterceptorChain chain, Clock clock) throws Exception {
        if (!membership.member()) {
            return chain.proceed();
        }
        LocalDate today = LocalDate.now(clock);
        BigDecimal before = figures(today).exposure();
        Object answer = chain.proceed();
        BigDecimal after = figures(today).exposure();
        if (after.compareTo(before) != 0) {
            String reservedOrder = command.getPayload() instanceof PlaceOrder order && order.groupCredit() != null
                    && order.groupCredit().reserved() ? order.orderId() : null;
            emit(new GroupExposureChanged(customerId, membership.groupId(), after, reservedOrder));
        }
        return answer;
    }

    /** Applied one by one: each event changes the state at once, before the next decision reads it. */
    static void emit(List<?> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    static void emit(Object event) {
        AggregateLifecycle.apply(event);
    }

    static boolean emitted(List<?> events) {
        emit(events);
        return !events.isEmpty();
    }

    /** Every part takes from every event what concerns it; {@code at} dates the pauses of dunning and reviews. */
    @EventSourcingHandler
    void on(Object event, @Timestamp Instant at) {
        if (event instanceof AccountOpened opened) {
            customerId = opened.customerId();
            profile = AccountProfile.of(opened);
        }
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        credit.evolve(event);
        orders.evolve(event);
        invoices.evolve(event, day);
        payments.evolve(event);
        reviews.evolve(event);
        terms.evolve(event);
        risk.evolve(event, day);
        courtesy.evolve(event, day, invoiceId -> invoices.find(invoiceId).map(OpenInvoice::dueDate));
        membership.evolve(event);
    }
}
