package com.creditdesk.api.account;

/** Customer segment; it sets the standard payment terms and the dunning schedule. */
public enum Segment {
    SMB(30), ENTERPRISE(45), PUBLIC(60);

    private final int standardTermDays;

    Segment(int standardTermDays) {
        this.standardTermDays = standardTermDays;
    }

    public int standardTermDays() {
        return standardTermDays;
    }
}
