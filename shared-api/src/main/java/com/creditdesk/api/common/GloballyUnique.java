package com.creditdesk.api.common;

/**
 * A command that creates something whose id is unique across the whole system, not only within
 * its account (orders, invoices, payments): the command side claims the id before dispatching.
 */
public interface GloballyUnique {
    String customerId();

    /** e.g. {@code order:O-1}. */
    String uniqueKey();
}
