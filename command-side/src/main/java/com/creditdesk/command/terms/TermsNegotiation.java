package com.creditdesk.command.terms;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.terms.TermsCommands.AgreePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.DecidePaymentTerms;
import com.creditdesk.api.terms.TermsCommands.TermsAnswer;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsApproved;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsRefused;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.util.List;

/** The payment terms in force, and terms sales agreed that wait for credit's approval. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class TermsNegotiation {
    private int daysInForce;
    private PendingTerms pending;

    /** Terms agreed by sales that wait for credit's approval. */
    record PendingTerms(int days, String reason, String agreedBy) {
    }

    public int daysInForce() {
        return daysInForce;
    }

    /** Terms agreed by sales; beyond 15 days above standard they wait for credit. The same terms again: nothing. */
    public List<Object> agree(AgreePaymentTerms cmd, Segment segment) {
        if (pending != null ? pending.days() == cmd.days() : daysInForce == cmd.days()) {
            return List.of();
        }
        return List.of(new PaymentTermsAgreed(cmd.customerId(), cmd.days(), segment.standardTermDays(), daysInForce,
                PaymentTerms.statusOf(cmd.days(), segment), cmd.reason(), cmd.actor()));
    }

    public TermsAnswer agreed(int days) {
        return new TermsAnswer(days, pending != null && pending.days() == days ? TermsStatus.AWAITING_APPROVAL
                : TermsStatus.IN_FORCE);
    }

    public Object decide(DecidePaymentTerms cmd) {
        if (pending == null) {
            throw Refusal.violated(Rule.NO_TERMS_AWAITING_APPROVAL,
                    "account " + cmd.customerId() + " has no payment terms waiting for approval");
        }
        return cmd.approve()
                ? new PaymentTermsApproved(cmd.customerId(), pending.days(), cmd.note(), pending.agreedBy(), cmd.actor())
                : new PaymentTermsRefused(cmd.customerId(), pending.days(), daysInForce, cmd.note(), pending.agreedBy(),
                        cmd.actor());
    }

    public TermsAnswer inForce() {
        return new TermsAnswer(daysInForce, TermsStatus.IN_FORCE);
    }

    public void evolve(Object event) {
        if (event instanceof AccountOpened e) {
            daysInForce = e.segment().standardTermDays();
        } else if (event instanceof PaymentTermsAgreed e && e.status() == TermsStatus.IN_FORCE) {
            daysInForce = e.days();
            pending = null;
        } else if (event instanceof PaymentTermsAgreed e) {
            pending = new PendingTerms(e.days(), e.reason(), e.actor());
        } else if (event instanceof PaymentTermsApproved e) {
            daysInForce = e.days();
            pending = null;
        } else if (event instanceof PaymentTermsRefused) {
            pending = null;
        }
    }
}
