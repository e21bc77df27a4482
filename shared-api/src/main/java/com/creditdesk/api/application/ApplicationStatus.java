package com.creditdesk.api.application;

/** Where a credit application stands. */
public enum ApplicationStatus { FILED, SCREENED, AWAITING_SECOND_APPROVAL, APPROVED, DECLINED;

    public boolean decided() {
        return this == APPROVED || this == DECLINED;
    }
}
