package com.creditdesk.api.order;

/**
 * Where an order stands. {@code RELEASE_REQUESTED}: blocked, and sales asked credit to release it (the
 * account itself still knows it as blocked; the order view and its history show the request).
 */
public enum OrderStatus { ACCEPTED, BLOCKED, RELEASE_REQUESTED, RELEASED, REJECTED, CANCELLED, INVOICED;

    /** Blocked, with or without a request to release it: not in exposure, waiting for a decision. */
    public boolean blocked() {
        return this == BLOCKED || this == RELEASE_REQUESTED;
    }
}
