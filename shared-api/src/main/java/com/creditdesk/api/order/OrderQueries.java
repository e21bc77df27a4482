package com.creditdesk.api.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

public final class OrderQueries {
    private OrderQueries() {
    }

    public record FindOrder(String orderId) {
    }

    /** An order with the decision it got, what sales asked, what credit decided, and every status it had. */
    public record OrderView(String orderId, String customerId, BigDecimal amount, String currency, String description,
                            OrderStatus status, List<BlockReason> reasons, CreditDecision decision,
                            ReleaseRequestView releaseRequest, ReleaseDecisionView releaseDecision,
                            List<StatusChange> history, NowFitsView nowFits) {
    }

    /** A blocked order the credit check would now pass: since when, what made room, and the check's new inputs. */
    public record NowFitsView(Instant at, RoomMade cause, String reference, CreditDecision decision) {
    }

    public record ReleaseRequestView(String justification, ProposedMeasure proposedMeasure, String requestedBy,
                                     Instant at) {
    }

    public record ReleaseDecisionView(ReleaseDecision decision, String note, String conditions, String decidedBy,
                                      Instant at) {
    }

    public record StatusChange(Instant at, OrderStatus status, String actor) {
    }
}
