package com.creditdesk.command.payment;

import com.creditdesk.api.payment.PaymentCommands.PaymentRegistration;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.command.invoice.OpenInvoice;
import com.creditdesk.command.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.creditdesk.api.common.Amounts.same;

/** The payments the account received, kept so that the same payment sent again gets the same answer. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Payments {
    private Map<String, PaymentLine> payments = new HashMap<>();

    public Optional<PaymentRegistration> repeated(RegisterPayment cmd) {
        PaymentLine known = payments.get(cmd.paymentId());
        if (known == null) {
            return Optional.empty();
        }
        if (!same(known.amount(), cmd.amount()) || !known.currency().equals(cmd.currency())
                || !known.receivedOn().equals(cmd.receivedOn()) || !Objects.equals(known.invoiceId(), cmd.invoiceId())) {
            throw Refusal.idConflict("payment", cmd.paymentId());
        }
        return Optional.of(registration(cmd.paymentId()));
    }

    /** Allocated to the named invoice only, or else to the oldest open invoices first. */
    public PaymentRegistered register(RegisterPayment cmd, List<OpenInvoice> candidates) {
        PaymentAllocation.Result result = PaymentAllocation.allocate(cmd.amount(), candidates);
        return new PaymentRegistered(cmd.customerId(), cmd.paymentId(), cmd.amount(), cmd.currency(), cmd.receivedOn(),
                cmd.invoiceId(), result.allocations(), result.unapplied(), cmd.actor());
    }

    public PaymentRegistration registration(String paymentId) {
        PaymentLine payment = payments.get(paymentId);
        return new PaymentRegistration(payment.paymentId(), payment.allocations(), payment.unapplied());
    }

    public void evolve(Object event) {
        if (event instanceof PaymentRegistered e) {
            payments.put(e.paymentId(), new PaymentLine(e.paymentId(), e.amount(), e.currency(), e.receivedOn(),
                    e.invoiceId(), e.allocations(), e.unapplied()));
        }
    }
}
