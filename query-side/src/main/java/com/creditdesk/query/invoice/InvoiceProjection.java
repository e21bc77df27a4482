package com.creditdesk.query.invoice;

import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.invoice.InvoiceQueries.FindInvoice;
import com.creditdesk.api.invoice.InvoiceQueries.InvoiceView;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.query.common.KeyedViews;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Each invoice with its balance; days past due are counted when it is read. */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
public class InvoiceProjection {
    public static final String GROUP = "invoices";

    /** What is stored: the facts; the view adds the day-dependent figures. */
    public record InvoiceRecord(String invoiceId, String customerId, String orderId, BigDecimal amount,
                                BigDecimal balance, LocalDate issueDate, LocalDate dueDate) {

        public long daysPastDueOn(LocalDate today) {
            return balance.signum() > 0 ? Math.max(0, ChronoUnit.DAYS.between(dueDate, today)) : 0;
        }

        InvoiceView viewOn(LocalDate today) {
            return new InvoiceView(invoiceId, customerId, orderId, amount, balance, issueDate, dueDate,
                    daysPastDueOn(today), false, null, null, false);
        }
    }

    private final KeyedViews<InvoiceRecord> invoices;
    private final Clock clock;

    public InvoiceProjection(MongoDatabase database, Clock clock) {
        this.invoices = new KeyedViews<>(database.getCollection("invoices"), InvoiceRecord.class);
        this.clock = clock;
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence) {
        invoices.create(e.invoiceId(), sequence, new InvoiceRecord(e.invoiceId(), e.customerId(), e.orderId(),
                e.amount(), e.amount(), e.issueDate(), e.dueDate()));
    }

    @EventHandler
    void on(PaymentRegistered e, @SequenceNumber long sequence) {
        for (Allocation allocation : e.allocations()) {
            invoices.update(allocation.invoiceId(), sequence, invoice -> new InvoiceRecord(invoice.invoiceId(),
                    invoice.customerId(), invoice.orderId(), invoice.amount(),
                    invoice.balance().subtract(allocation.amount()), invoice.issueDate(), invoice.dueDate()));
        }
    }

    @ResetHandler
    void reset() {
        invoices.clear();
    }

    @QueryHandler
    public Optional<InvoiceView> handle(FindInvoice query) {
        return invoices.find(query.invoiceId()).map(invoice -> invoice.viewOn(LocalDate.now(clock)));
    }

    public List<InvoiceRecord> all() {
        return invoices.collection().find().map(invoices::read).into(new ArrayList<>());
    }
}
