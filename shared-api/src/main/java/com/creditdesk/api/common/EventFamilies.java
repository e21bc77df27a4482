package com.creditdesk.api.common;

import com.creditdesk.api.account.AccountEvents.AccountEvent;
import com.creditdesk.api.application.ApplicationEvents.ApplicationEvent;
import com.creditdesk.api.dunning.DunningEvents.DunningEvent;
import com.creditdesk.api.group.GroupEvents.GroupEvent;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceEvent;
import com.creditdesk.api.order.OrderEvents.OrderEvent;
import com.creditdesk.api.payment.PaymentEvents.PaymentEvent;
import com.creditdesk.api.signal.SignalEvents.SignalEvent;
import com.creditdesk.api.statement.StatementEvents.StatementEvent;
import com.creditdesk.api.terms.TermsEvents.TermsEvent;

import java.util.Arrays;
import java.util.List;

/** Every event the store holds (a customer account's, a credit application's, a group's, a bank statement's), family by family. */
public final class EventFamilies {
    public static final List<Class<?>> FAMILIES = List.of(AccountEvent.class, OrderEvent.class, InvoiceEvent.class,
            PaymentEvent.class, SignalEvent.class, TermsEvent.class, DunningEvent.class, ApplicationEvent.class,
            GroupEvent.class, StatementEvent.class);

    private EventFamilies() {
    }

    /** Each event type once, in the order of the families and of their declaration. */
    public static List<Class<?>> all() {
        return FAMILIES.stream().flatMap(family -> Arrays.stream(family.getPermittedSubclasses())).toList();
    }
}
