package com.creditdesk.api.views;

import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.application.ApplicationQueries.ApplicationItem;
import com.creditdesk.api.common.Reporting;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.OrderQueries.NowFitsView;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.signal.ReviewView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The two worklists: the account manager's and finance's. */
public final class ViewQueries {
    private ViewQueries() {
    }

    public record GetSalesView(String accountManager) {
    }

    public record GetFinanceView() {
    }

    public record BlockedOrder(String orderId, String customerId, String customerName, BigDecimal amount,
                               String currency, List<BlockReason> reasons, OrderStatus status, Instant blockedAt,
                               String releaseRequestedBy, Instant releaseRequestedAt, NowFitsView nowFits) {
    }

    public record SalesView(String accountManager, List<AccountView> customers, List<BlockedOrder> blockedOrders,
                            List<TaskItem> tasks, List<ReviewView> reviews, List<ApplicationItem> applications) {
    }

    public record ReleaseRequest(String orderId, String customerId, String customerName, BigDecimal amount,
                                 String currency, List<BlockReason> reasons, String justification, ProposedMeasure proposedMeasure,
                                 String requestedBy, Instant requestedAt, double waitingHours) {
    }

    public record Ageing(BigDecimal notDue, BigDecimal d1to30, BigDecimal d31to60, BigDecimal d61to90,
                         BigDecimal over90) {
    }

    /**
     * Finance's worklist. {@code ageing}, {@code overdueTotal} and {@code dso} are over every currency,
     * converted into {@code reporting.currency} at the rates {@code reporting} states (null when a
     * currency has no rate: {@code reporting.missingRates}); {@code perCurrency} gives the same figures
     * in each currency as invoiced, never added across currencies.
     */
    public record FinanceView(Ageing ageing, BigDecimal overdueTotal, BigDecimal dso, Reporting reporting,
                              List<CurrencyFigures> perCurrency, List<ReleaseRequest> releaseRequests, List<ReviewView> reviews,
                              List<DisputeItem> disputes, List<PromiseItem> promises, List<HandoverItem> handovers,
                              List<TaskItem> tasks, List<BlockedOrder> blockedOrdersNowFitting,
                              List<ApplicationItem> applications, List<AccountView> riskClassProposals,
                              List<UnmatchedBankLine> unmatchedBankLines) {
    }

    /** A bank statement's credit line no rule matched, waiting for credit to name its customer (oldest first). */
    public record UnmatchedBankLine(String statementId, String lineId, BigDecimal amount, String currency,
                                    LocalDate bookedOn, String debtorName, String debtorIban, String remittance) {
    }

    /** Finance's figures in one currency, as invoiced. */
    public record CurrencyFigures(String currency, Ageing ageing, BigDecimal overdueTotal, BigDecimal dso) {
    }

    /**
     * What the agreed follow-up flow asks of a person now: {@code type} is the dunning step (CALL for
     * the account manager, FORMAL_NOTICE and COLLECTION_PROPOSAL for credit), {@code since} the day
     * it was reached. It goes when the invoice is paid, handed over or escalated, or a call brought a promise.
     */
    public record TaskItem(String taskId, String type, String assignee, String customerId, String customerName,
                           String invoiceId, BigDecimal balance, String currency, long daysPastDue, LocalDate since) {
    }

    /** An open dispute: the invoice stays paused in dunning until credit resolves it. */
    public record DisputeItem(String invoiceId, String customerId, String customerName, BigDecimal balance,
                              String currency, String reason, String disputedBy) {
    }

    /** A promise not kept: OPEN until {@code pausedUntil}, BROKEN after it. */
    public record PromiseItem(String invoiceId, String customerId, String customerName, BigDecimal balance,
                              String currency, LocalDate promisedOn, BigDecimal amount, LocalDate pausedUntil, String status) {
    }

    /** A collection hand-over: AWAITING_SECOND_APPROVAL or HANDED_OVER, with who approved. */
    public record HandoverItem(String invoiceId, String customerId, String customerName, BigDecimal balance,
                               String currency, String agency, String status, List<String> approvedBy) {
    }
}
