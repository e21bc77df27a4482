package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.HoldLifted;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassProposed;
import com.creditdesk.api.signal.SignalEvents.RiskClassSet;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsApproved;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.query.account.AccountRecord.OpenInvoice;
import com.creditdesk.query.account.AccountRecord.OpenOrder;
import com.creditdesk.query.account.AccountRecord.Security;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * How each event changes the stored account: a pure function, used alike by the live projection
 * and by the as-of reconstruction, so both always agree. Events that do not touch the account
 * give back the same instance.
 */
final class AccountEvolution {
    private AccountEvolution() {
    }

    static Optional<AccountRecord> opened(Object event, long sequence) {
        return event instanceof AccountOpened e
                ? Optional.of(AccountRecord.opened(e.customerId(), sequence, e.name(), e.segment(), e.currency(),
                e.accountManager(), e.language()))
                : Optional.empty();
    }

    static AccountRecord apply(AccountRecord account, Object event) {
        if (event instanceof CreditLimitSet e) {
            return e.source() == LimitSource.ANALYST ? account.withLimits(e.amount(), account.insurerLimit())
                    : account.withLimits(account.analystLimit(), e.amount());
        }
        if (event instanceof SecurityRegistered e) {
            return account.withSecurities(list -> append(list, new Security(e.securityId(), e.amount(),
                    e.validUntil())));
        }
        if (event instanceof AccountPutOnHold) {
            return account.withHold(true);
        }
        if (event instanceof HoldLifted) {
            return account.withHold(false);
        }
        if (event instanceof OrderAccepted e) {
            return account.withOpenOrders(list -> append(list, new OpenOrder(e.orderId(), e.amount())));
        }
        if (event instanceof OrderReleased e) {
            return account.withOpenOrders(list -> append(list, new OpenOrder(e.orderId(), e.amount())));
        }
        if (event instanceof OrderCancelled e && e.previousStatus() != OrderStatus.BLOCKED) {
            return account.withOpenOrders(list -> without(list, order -> order.orderId().equals(e.orderId())));
        }
        if (event instanceof CreditReviewOpened) {
            return account.withOpenReview(true);
        }
        if (event instanceof CreditReviewConcluded) {
            return account.withOpenReview(false);
        }
        if (event instanceof PaymentTermsAgreed e && e.status() == TermsStatus.IN_FORCE) {
            return account.withPaymentTermDays(e.days());
        }
        if (event instanceof PaymentTermsApproved e) {
            return account.withPaymentTermDays(e.days());
        }
        if (event instanceof RiskClassSet e) {
            return account.withRisk(e.riskClass(), account.nextReviewOn(), null);
        }
        if (event instanceof RiskClassProposed e) {
            return account.withRisk(account.riskClass(), account.nextReviewOn(), e.proposed());
        }
        if (event instanceof ReviewScheduled e) {
            return account.withRisk(account.riskClass(), e.dueOn(), account.proposedRiskClass());
        }
        if (event instanceof InvoiceIssued e) {
            return account.withOpenOrders(list -> without(list, order -> order.orderId().equals(e.orderId())))
                    .withOpenInvoices(list -> append(list, new OpenInvoice(e.invoiceId(), e.amount(), e.dueDate())));
        }
        if (event instanceof DisputeResolved e) {
            return account.withOpenInvoices(list -> list.stream()
                    .map(i -> i.invoiceId().equals(e.invoiceId()) ? new OpenInvoice(i.invoiceId(), e.balance(), i.dueDate()) : i)
                    .filter(i -> i.balance().signum() > 0)
                    .toList());
        }
        if (event instanceof PaymentRegistered e) {
            Map<String, BigDecimal> paid = e.allocations().stream()
                    .collect(Collectors.toMap(Allocation::invoiceId, Allocation::amount, BigDecimal::add));
            return account.withUnappliedCredit(account.unappliedCredit().add(e.unapplied()))
                    .withOpenInvoices(list -> list.stream()
                            .map(i -> new OpenInvoice(i.invoiceId(),
                                    i.balance().subtract(paid.getOrDefault(i.invoiceId(), BigDecimal.ZERO)), i.dueDate()))
                            .filter(i -> i.balance().signum() > 0)
                            .toList());
        }
        return account;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> without(List<T> list, Predicate<T> unwanted) {
        return list.stream().filter(unwanted.negate()).collect(Collectors.toList());
    }
}
