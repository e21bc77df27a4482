package com.creditdesk.query.views;

import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;
import com.creditdesk.query.invoice.ReceivablesLedger;
import com.creditdesk.query.order.OrderProjection;
import com.creditdesk.query.support.GeneratedLedger;
import com.creditdesk.query.support.ProjectionsOnLedger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finance's figures as kept (sums per day, the invoices followed, the orders blocked) equal what the
 * slow way gives from every invoice and order, on a generated year of two currencies whose batches
 * were partly delivered twice.
 */
class ReceivablesLedgerTest {
    private static final ProjectionsOnLedger projections = new ProjectionsOnLedger();
    private static final Clock CLOCK = Clock.fixed(GeneratedLedger.END.atStartOfDay(ZoneOffset.UTC).toInstant(),
            ZoneOffset.UTC);
    private static InvoiceProjection invoices;
    private static OrderProjection orders;
    private static List<DomainEventMessage<?>> events;

    @BeforeAll
    static void applyAYear() {
        invoices = new InvoiceProjection(projections.database(), CLOCK);
        orders = new OrderProjection(projections.database());
        events = GeneratedLedger.of(24, 7);
        projections.apply(List.of(invoices, orders), events, 8);
    }

    @AfterAll
    static void stop() {
        projections.close();
    }

    @Test
    void theLedgerHoldsPerCurrencyWhatEveryInvoiceAddsUpTo() {
        Map<String, List<InvoiceRecord>> perCurrency = invoices.all().stream()
                .collect(Collectors.groupingBy(InvoiceRecord::currency));
        Map<String, ReceivablesLedger.Current> ledger = invoices.ledger().current();

        assertThat(events).hasSizeGreaterThan(2_000);
        assertThat(projections.redelivered()).isGreaterThan(3);
        assertThat(ledger).containsOnlyKeys("EUR", "GBP");
        perCurrency.forEach((currency, list) -> assertThat(ledger.get(currency)).as(currency)
                .isEqualTo(Receivables.sums(list)));
    }

    @Test
    void financeFiguresFromTheLedgerEqualThoseFromEveryInvoiceOnAnyDay() {
        Map<String, List<InvoiceRecord>> perCurrency = invoices.all().stream()
                .collect(Collectors.groupingBy(InvoiceRecord::currency));
        Map<String, ReceivablesLedger.Current> ledger = invoices.ledger().current();
        for (LocalDate day = GeneratedLedger.START; !day.isAfter(GeneratedLedger.END); day = day.plusDays(17)) {
            LocalDate today = day;
            perCurrency.forEach((currency, list) -> assertThat(Receivables.of(ledger.get(currency), today))
                    .as(currency + " on " + today).isEqualTo(Receivables.of(list, today)));
        }
        assertThat(Receivables.of(ledger.get("GBP"), GeneratedLedger.END).overdueTotal()).isPositive();
    }

    @Test
    void theInvoicesFollowedAreExactlyThoseWithATaskADisputeAPromiseOrAHandover() {
        List<String> followed = invoices.followed().stream().map(InvoiceRecord::invoiceId).sorted().toList();
        List<String> expected = invoices.all().stream().filter(InvoiceRecord::followed)
                .map(InvoiceRecord::invoiceId).sorted().toList();

        assertThat(followed).isNotEmpty().isEqualTo(expected);
        assertThat(invoices.followed()).containsExactlyInAnyOrderElementsOf(
                invoices.all().stream().filter(InvoiceRecord::followed).toList());
    }

    @Test
    void theBlockedOrdersAreExactlyThoseStillBlocked() {
        List<String> blocked = orders.blocked(null).stream().map(order -> order.orderId()).toList();
        List<String> expected = projections.database().getCollection("orders")
                .find(com.mongodb.client.model.Filters.in("status", "BLOCKED", "RELEASE_REQUESTED"))
                .map(doc -> doc.getString("_id"))
                .into(new java.util.ArrayList<>()).stream().sorted().toList();

        assertThat(blocked).isNotEmpty().isEqualTo(expected);
    }
}
