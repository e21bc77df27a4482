package com.creditdesk.command.payment;

import com.creditdesk.api.payment.Allocation;
import com.creditdesk.command.invoice.OpenInvoice;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a payment settles invoices: the named invoice only, otherwise the oldest open invoices first
 * (by due date, then issue date); whatever is left is unapplied credit.
 */
final class PaymentAllocation {
    static final Comparator<OpenInvoice> OLDEST_FIRST =
            Comparator.comparing(OpenInvoice::dueDate).thenComparing(OpenInvoice::issueDate);

    private PaymentAllocation() {
    }

    record Result(List<Allocation> allocations, BigDecimal unapplied) {
    }

    static Result allocate(BigDecimal amount, List<OpenInvoice> candidates) {
        List<OpenInvoice> ordered = candidates.stream().filter(OpenInvoice::open)
                .sorted(OLDEST_FIRST).toList();
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal left = amount;
        for (OpenInvoice invoice : ordered) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal part = left.min(invoice.balance());
            allocations.add(new Allocation(invoice.invoiceId(), part));
            left = left.subtract(part);
        }
        return new Result(allocations, left);
    }
}
