package com.creditdesk.api.account;

/**
 * How closely credit follows an account, and so how often it is reviewed: from the screening's score at approval,
 * then set by credit with a reason.
 */
public enum RiskClass { LOW, MEDIUM, HIGH;

    /** The next class up, for a proposal after a warning sign; HIGH stays HIGH. */
    public RiskClass higher() {
        return this == LOW ? MEDIUM : HIGH;
    }
}
