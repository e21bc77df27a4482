package com.creditdesk.query.views;

import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.order.OrderQueries.OrderView;
import com.creditdesk.api.signal.ReviewView;
import com.creditdesk.api.common.Reporting;
import com.creditdesk.api.application.ApplicationQueries.ApplicationItem;
import com.creditdesk.api.application.ApplicationQueries.ApplicationView;
import com.creditdesk.api.views.ViewQueries.BlockedOrder;
import com.creditdesk.query.application.ApplicationProjection;
import com.creditdesk.api.views.ViewQueries.CurrencyFigures;
import com.creditdesk.api.views.ViewQueries.FinanceView;
import com.creditdesk.query.statement.BankLineProjection;
import com.creditdesk.api.views.ViewQueries.GetFinanceView;
import com.creditdesk.api.views.ViewQueries.GetSalesView;
import com.creditdesk.api.views.ViewQueries.ReleaseRequest;
import com.creditdesk.api.views.ViewQueries.SalesView;
import com.creditdesk.api.views.ViewQueries.TaskItem;
import com.creditdesk.api.common.Roles;
import com.creditdesk.query.account.AccountProjection;
import com.creditdesk.query.invoice.InvoiceProjection;
import com.creditdesk.query.invoice.InvoiceProjection.InvoiceRecord;
import com.creditdesk.query.invoice.InvoiceProjection.OpenTask;
import com.creditdesk.query.order.OrderProjection;
import com.creditdesk.query.reporting.ReportingCurrency;
import com.creditdesk.query.review.ReviewProjection;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account manager's worklist and finance's, composed when asked from the projections they
 * draw on, so both always show the same facts. Each reads what stays small however long the
 * ledger: the manager's customers by id, the orders blocked now, the invoices followed now, and
 * finance's figures as sums per day ({@link ReceivablesLedger}).
 */
@Component
public class Worklists {
    private final AccountProjection accounts;
    private final OrderProjection orders;
    private final ReviewProjection reviews;
    private final InvoiceProjection invoices;
    private final ReportingCurrency reporting;
    private final ApplicationProjection applications;
    private final BankLineProjection bankLines;
    private final Clock clock;

    public Worklists(AccountProjection accounts, OrderProjection orders, ReviewProjection reviews,
                     InvoiceProjection invoices, ReportingCurrency reporting, ApplicationProjection applications,
                     BankLineProjection bankLines, Clock clock) {
        this.applications = applications;
        this.bankLines = bankLines;
        this.accounts = accounts;
        this.orders = orders;
        this.reviews = reviews;
        this.invoices = invoices;
        this.reporting = reporting;
        this.clock = clock;
    }

    @QueryHandler
    public SalesView handle(GetSalesView query) {
        List<AccountView> customers = accounts.managedBy(query.accountManager());
        Map<String, String> names = new java.util.HashMap<>();
        customers.forEach(account -> names.put(account.customerId(), account.name()));
        List<BlockedOrder> blocked = orders.blocked(List.copyOf(names.keySet())).stream()
                .map(order -> blockedOrder(order, names.get(order.customerId()))).toList();
        List<ReviewView> theirReviews = withNames(reviews.reportedBy(query.accountManager()));
        return new SalesView(query.accountManager(), customers, blocked,
                tasks(invoices.openTasksFor(query.accountManager()), LocalDate.now(clock)), theirReviews,
                applications.filedBy(query.accountManager()).stream().map(this::applicationItem).toList());
    }

    /** Per currency as invoiced, and over all of them converted into the reporting currency (when it can be). */
    private record FinanceFigures(Receivables total, Reporting reporting, List<CurrencyFigures> perCurrency) {
    }

    private FinanceFigures figures(LocalDate today) {
        Map<String, Receivables> perCurrency = new TreeMap<>();
        invoices.ledger().current().forEach((currency, sums) -> perCurrency.put(currency, Receivables.of(sums, today)));
        Reporting reporting = this.reporting.over(perCurrency.keySet());
        Receivables total = !reporting.complete() ? null : perCurrency.entrySet().stream()
                .map(e -> e.getValue().times(this.reporting.convert(BigDecimal.ONE, e.getKey())))
                .reduce(Receivables.NONE, Receivables::plus);
        return new FinanceFigures(total, reporting, perCurrency.entrySet().stream()
                .map(e -> new CurrencyFigures(e.getKey(), e.getValue().ageing(), e.getValue().overdueTotal(),
                        e.getValue().dso())).toList());
    }

    @QueryHandler
    public FinanceView handle(GetFinanceView query) {
        LocalDate today = LocalDate.now(clock);
        Instant now = clock.instant();
        List<InvoiceRecord> followed = invoices.followed();
        FinanceFigures figures = figures(today);
        Receivables total = figures.total();
        List<OrderView> blocked = orders.blocked(null);
        List<OrderView> waiting = blocked.stream().filter(order -> order.releaseRequest() != null).toList();
        Map<String, String> names = accounts.names(blocked.stream().map(OrderView::customerId).distinct().toList());
        List<BlockedOrder> nowFitting = blocked.stream().filter(order -> order.nowFits() != null)
                .sorted(java.util.Comparator.comparing(order -> order.nowFits().at()))
                .map(order -> blockedOrder(order, names.get(order.customerId()))).toList();
        List<ReleaseRequest> requests = waiting.stream()
                .map(order -> new ReleaseRequest(order.orderId(), order.customerId(), names.get(order.customerId()),
                        order.amount(), order.currency(), order.reasons(), order.releaseRequest().justification(),
                        order.releaseRequest().proposedMeasure(), order.releaseRequest().requestedBy(),
                        order.releaseRequest().at(), hoursBetween(order.releaseRequest().at(), now)))
                .sorted(java.util.Comparator.comparing(ReleaseRequest::requestedAt))
                .toList();
        FollowUp followUp = FollowUp.of(followed, accounts, today);
        return new FinanceView(total == null ? null : total.ageing(), total == null ? null : total.overdueTotal(),
                total == null ? null : total.dso(), figures.reporting(), figures.perCurrency(), requests,
                withNames(reviews.open()), followUp.disputes(), followUp.promises(), followUp.handovers(),
                tasks(InvoiceProjection.openTasksFor(Roles.CREDIT, followed), today), nowFitting,
                applications.waiting().stream().map(this::applicationItem).toList(), accounts.withRiskClassProposed(),
                bankLines.awaitingAssignment());
    }

    private List<TaskItem> tasks(List<OpenTask> open, LocalDate today) {
        Map<String, String> names = accounts.names(open.stream().map(task -> task.invoice().customerId()).distinct()
                .toList());
        return open.stream().map(task -> {
            InvoiceRecord invoice = task.invoice();
            return new TaskItem(invoice.invoiceId() + ":" + task.type(), task.type(), task.assignee(),
                    invoice.customerId(), names.get(invoice.customerId()), invoice.invoiceId(), invoice.balance(),
                    invoice.currency(), invoice.daysPastDueOn(today), task.since());
        }).toList();
    }

    /** An application with its score and approved limit, and the hours it waited (or has waited) for a decision. */
    private ApplicationItem applicationItem(ApplicationView application) {
        Instant decidedAt = application.decision() == null ? clock.instant() : application.decision().at();
        return new ApplicationItem(application.applicationId(), application.customerId(), application.prospectName(),
                application.requestedLimit(), application.currency(), application.accountManager(),
                application.status(), application.screening() == null ? null : application.screening().score(),
                application.screening() == null ? null : application.screening().riskClass(),
                application.decision() == null ? null : application.decision().limit(), application.filedAt(),
                hoursBetween(application.filedAt(), decidedAt));
    }

    private BlockedOrder blockedOrder(OrderView order, String customerName) {
        return new BlockedOrder(order.orderId(), order.customerId(), customerName, order.amount(), order.currency(),
                order.reasons(),
                order.status(), order.history().get(0).at(),
                order.releaseRequest() == null ? null : order.releaseRequest().requestedBy(),
                order.releaseRequest() == null ? null : order.releaseRequest().at(), order.nowFits());
    }

    private List<ReviewView> withNames(List<ReviewView> list) {
        Set<String> ids = new HashSet<>();
        list.forEach(review -> ids.add(review.customerId()));
        Map<String, String> names = accounts.names(ids);
        return list.stream().map(r -> new ReviewView(r.reviewId(), r.customerId(), names.get(r.customerId()),
                r.signalIds(), r.reportedBy(), r.reason(), r.openedAt(), r.status(), r.outcome(), r.note(),
                r.newLimit(), r.concludedBy(), r.concludedAt())).toList();
    }

    static double hoursBetween(Instant from, Instant to) {
        return Math.round(Duration.between(from, to).toMinutes() / 6.0) / 10.0;
    }

}
