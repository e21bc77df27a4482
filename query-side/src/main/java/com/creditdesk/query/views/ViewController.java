package com.creditdesk.query.views;

import io.swagger.v3.oas.annotations.Operation;
import com.creditdesk.api.application.ApplicationQueries.ApplicationView;
import com.creditdesk.api.application.ApplicationQueries.FindApplication;
import com.creditdesk.api.group.GroupQueries.FindGroup;
import com.creditdesk.api.group.GroupQueries.GroupView;
import com.creditdesk.api.invoice.InvoiceQueries.FindInvoice;
import com.creditdesk.api.invoice.InvoiceQueries.InvoiceView;
import com.creditdesk.api.order.OrderQueries.FindOrder;
import com.creditdesk.api.order.OrderQueries.OrderView;
import com.creditdesk.api.views.ViewQueries.FinanceView;
import com.creditdesk.api.views.ViewQueries.GetFinanceView;
import com.creditdesk.api.views.ViewQueries.GetSalesView;
import com.creditdesk.api.views.ViewQueries.SalesView;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.query.common.Queries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
class ViewController {
    private final Queries queries;

    ViewController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "An order: decision with its inputs, release request and decision, status history",
            description = "**Roles:** any authenticated role.")
    @GetMapping("/api/orders/{orderId}")
    Mono<OrderView> order(@PathVariable @Id String orderId) {
        return queries.find(new FindOrder(orderId), OrderView.class, "no order " + orderId);
    }

    @Operation(summary = "An invoice: balance, days past due, dispute, promise, dunning step, hand-over",
            description = "**Roles:** any authenticated role.")
    @GetMapping("/api/invoices/{invoiceId}")
    Mono<InvoiceView> invoice(@PathVariable @Id String invoiceId) {
        return queries.find(new FindInvoice(invoiceId), InvoiceView.class, "no invoice " + invoiceId);
    }

    @Operation(summary = "A credit application: as filed, screened (score, risk class) and decided",
            description = "**Roles:** any authenticated role.")
    @GetMapping("/api/applications/{applicationId}")
    Mono<ApplicationView> application(@PathVariable @Id String applicationId) {
        return queries.find(new FindApplication(applicationId), ApplicationView.class,
                "no application " + applicationId);
    }

    @Operation(summary = "A corporate group: its limit, members with their exposure, the group's exposure and credit left",
            description = "**Roles:** CREDIT, SALES, ANALYST, ADMIN.")
    @GetMapping("/api/groups/{groupId}")
    Mono<GroupView> group(@PathVariable @Id String groupId) {
        return queries.find(new FindGroup(groupId), GroupView.class, "no group " + groupId);
    }

    @Operation(summary = "An account manager's worklist",
            description = "**Roles:** SALES, ANALYST, ADMIN.")
    @GetMapping("/api/views/sales")
    Mono<SalesView> sales(@RequestParam @Id String accountManager) {
        return queries.ask(new GetSalesView(accountManager), SalesView.class);
    }

    @Operation(summary = "Credit's worklist and receivables",
            description = "**Roles:** CREDIT, ANALYST, ADMIN.")
    @GetMapping("/api/views/finance")
    Mono<FinanceView> finance() {
        return queries.ask(new GetFinanceView(), FinanceView.class);
    }
}
