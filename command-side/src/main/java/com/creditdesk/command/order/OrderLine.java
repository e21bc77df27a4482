package com.creditdesk.command.order;

import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.CreditDecision;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.order.ProposedMeasure;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the account remembers it: its status for exposure, its decision for repeated
 * commands, the pending release request for the four-eyes rule, and whether it was flagged as fitting now.
 */
public record OrderLine(String orderId, BigDecimal amount, String currency, String description, OrderStatus status,
                 List<BlockReason> reasons, CreditDecision decision, ReleaseRequest releaseRequest,
                        boolean nowFits) {

    public record ReleaseRequest(String justification, ProposedMeasure proposedMeasure, String requestedBy) {
    }

    /** Accepted and released orders count in exposure until they are invoiced or cancelled. */
    public boolean open() {
        return status == OrderStatus.ACCEPTED || status == OrderStatus.RELEASED;
    }

    OrderLine withStatus(OrderStatus newStatus) {
        return new OrderLine(orderId, amount, currency, description, newStatus, reasons, decision, releaseRequest,
                nowFits);
    }

    OrderLine withReleaseRequest(ReleaseRequest request) {
        return new OrderLine(orderId, amount, currency, description, status, reasons, decision, request, nowFits);
    }

    /** Flagged once: the credit check would now pass this blocked order. */
    OrderLine fittingNow() {
        return new OrderLine(orderId, amount, currency, description, status, reasons, decision, releaseRequest, true);
    }
}
