package com.creditdesk.query.views;

import com.creditdesk.api.invoice.HandoverStatus;
import com.creditdesk.api.views.ViewQueries.DisputeItem;
import com.creditdesk.api.views.ViewQueries.HandoverItem;
import com.creditdesk.api.views.ViewQueries.PromiseItem;
import com.creditdesk.query.account.AccountProjection;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finance's follow-up lists over the invoices: open disputes, promises not kept, hand-overs. */
record FollowUp(List<DisputeItem> disputes, List<PromiseItem> promises, List<HandoverItem> handovers) {

    static FollowUp of(List<InvoiceRecord> invoices, AccountProjection accounts, LocalDate today) {
        List<InvoiceRecord> followed = invoices.stream()
                .filter(i -> i.disputed() || i.promise() != null && !i.promise().kept() || !i.approvedBy().isEmpty())
                .sorted(Comparator.comparing(InvoiceRecord::dueDate).thenComparing(InvoiceRecord::invoiceId))
                .toList();
        Map<String, String> names = accounts.names(followed.stream().map(InvoiceRecord::customerId).distinct().toList());
        return new FollowUp(
                followed.stream().filter(InvoiceRecord::disputed)
                        .map(i -> new DisputeItem(i.invoiceId(), i.customerId(), names.get(i.customerId()), i.balance(), i.currency(),
                                i.disputeReason(), i.disputedBy())).toList(),
                followed.stream().filter(i -> i.promise() != null && !i.promise().kept() && i.balance().signum() > 0)
                        .map(i -> new PromiseItem(i.invoiceId(), i.customerId(), names.get(i.customerId()), i.balance(), i.currency(),
                                i.promise().promisedOn(), i.promise().amount(), i.promise().pausedUntil(),
                                i.promise().statusOn(today))).toList(),
                followed.stream().filter(i -> !i.approvedBy().isEmpty())
                        .map(i -> new HandoverItem(i.invoiceId(), i.customerId(), names.get(i.customerId()), i.balance(), i.currency(),
                                i.agency(), (i.handedOver() ? HandoverStatus.HANDED_OVER
                                : HandoverStatus.AWAITING_SECOND_APPROVAL).name(), i.approvedBy())).toList());
    }
}
