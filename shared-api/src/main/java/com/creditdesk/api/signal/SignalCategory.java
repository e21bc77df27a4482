package com.creditdesk.api.signal;

/** What a salesperson saw; the category decides whether the signal is a warning or good news. */
public enum SignalCategory {
    WAREHOUSE_INACTIVE, STAFF_TURNOVER, EMPTY_PREMISES, COMPLAINTS, MANAGEMENT_CHANGE, PAYMENT_RUMOURS,
    GROWTH, NEW_INVESTMENT, OTHER;

    public SignalDirection direction() {
        return this == GROWTH || this == NEW_INVESTMENT ? SignalDirection.POSITIVE : SignalDirection.NEGATIVE;
    }
}
