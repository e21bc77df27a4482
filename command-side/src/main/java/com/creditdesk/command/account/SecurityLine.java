package com.creditdesk.command.account;

import com.creditdesk.api.account.CreditFigures;
import com.creditdesk.api.account.SecurityType;

import java.math.BigDecimal;
import java.time.LocalDate;

record SecurityLine(String securityId, SecurityType type, BigDecimal amount, LocalDate validUntil)
        implements CreditFigures.Security {

    /** A security adds headroom up to and including its last valid day. */
    boolean activeOn(LocalDate day) {
        return CreditFigures.active(this, day);
    }
}
