package com.creditdesk.api.signal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A credit review as sales and credit see it: which signals opened it, and how credit concluded it. */
public record ReviewView(String reviewId, String customerId, String customerName, List<String> signalIds,
                         List<String> reportedBy, String reason, Instant openedAt, String status,
                         ReviewOutcome outcome, String note, BigDecimal newLimit, String concludedBy,
                         Instant concludedAt) {
}
