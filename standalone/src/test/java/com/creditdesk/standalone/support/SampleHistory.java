package com.creditdesk.standalone.support;

import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import com.creditdesk.api.invoice.InvoiceCommands.IssueInvoice;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.payment.PaymentCommands.RegisterPayment;
import com.creditdesk.api.signal.Severity;
import com.creditdesk.api.signal.SignalCategory;
import com.creditdesk.api.signal.SignalCommands.ReportSalesSignal;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A history for tests that need many events, sent through the command side's gateway by eight
 * writers: per account an opening, a limit, 30 orders (the last ones blocked), 10 invoices,
 * 5 payments and a signal — 48 events.
 */
public final class SampleHistory {
    public static final int EVENTS_PER_ACCOUNT = 48;

    private SampleHistory() {
    }

    /** Writes the history of accounts {@code <prefix>0 .. <prefix>(accounts - 1)}. */
    public static void write(CommandGateway gateway, String prefix, int accounts) {
        LocalDate day = LocalDate.now();
        ExecutorService writers = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int a = 0; a < accounts; a++) {
            int index = a;
            String c = prefix + a;
            done.add(writers.submit(() -> {
                gateway.sendAndWait(new OpenAccount(c, "Groothandel " + c, Segment.values()[index % 3], "EUR",
                        index % 2 == 0 ? "sales1" : "sales2", Language.nl, "erp", null));
                gateway.sendAndWait(new SetCreditLimit(c, new BigDecimal("25000"), LimitSource.ANALYST, "start", null,
                        "credit1"));
                for (int o = 0; o < 30; o++) {
                    gateway.sendAndWait(new PlaceOrder(c, c + "-O" + o, new BigDecimal("1000.50"), "EUR", null, "erp"));
                }
                for (int i = 0; i < 10; i++) {
                    gateway.sendAndWait(new IssueInvoice(c, c + "-I" + i, c + "-O" + i, new BigDecimal("1000.50"), "EUR",
                            day.minusDays(20), null, "erp"));
                }
                for (int p = 0; p < 5; p++) {
                    gateway.sendAndWait(new RegisterPayment(c, c + "-P" + p, new BigDecimal("700"), "EUR", day, null,
                            "erp"));
                }
                gateway.sendAndWait(new ReportSalesSignal(c, c + "-S", SignalCategory.WAREHOUSE_INACTIVE,
                        Severity.LOW, "quiet warehouse", day, "sales1"));
            }));
        }
        try {
            for (Future<?> future : done) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing the history failed", e.getCause());
        } finally {
            writers.shutdown();
        }
    }
}
