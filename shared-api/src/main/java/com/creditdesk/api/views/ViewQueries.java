package com.creditdesk.api.views;

import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;
import com.creditdesk.api.signal.ReviewView;

import java.math.BigDecimal;
import java.time.Instant;
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
                               List<BlockReason> reasons, OrderStatus status, Instant blockedAt,
                               String releaseRequestedBy, Instant releaseRequestedAt) {
    }

    public record SalesView(String accountManager, List<AccountView> customers, List<BlockedOrder> blockedOrders,
                            List<Object> tasks, List<ReviewView> reviews) {
    }

    public record ReleaseRequest(String orderId, String customerId, String customerName, BigDecimal amount,
                                 List<BlockReason> reasons, String justification, ProposedMeasure proposedMeasure,
                                 String requestedBy, Instant requestedAt, double waitingHours) {
    }

    public record Ageing(BigDecimal notDue, BigDecimal d1to30, BigDecimal d31to60, BigDecimal d61to90,
                         BigDecimal over90) {
    }

    public record FinanceView(Ageing ageing, BigDecimal overdueTotal, BigDecimal dso,
                              List<ReleaseRequest> releaseRequests, List<ReviewView> reviews, List<Object> disputes,
                              List<Object> promises, List<Object> handovers, List<Object> tasks) {
    }
}
