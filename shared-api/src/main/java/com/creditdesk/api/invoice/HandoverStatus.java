package com.creditdesk.api.invoice;

/** Where a collection hand-over stands. */
public enum HandoverStatus {
    AWAITING_SECOND_APPROVAL,
    HANDED_OVER
}
