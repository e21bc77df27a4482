package com.creditdesk.command.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;

/**
 * Credit's approval authority on applications: a limit above {@code singleApprovalUpTo} needs a second credit
 * controller's approval ({@code creditdesk.applications.single-approval-up-to}, in the application's currency).
 */
@ConfigurationProperties("creditdesk.applications")
public record ApprovalAuthority(@DefaultValue("50000") BigDecimal singleApprovalUpTo) {

    public boolean needsSecondApproval(BigDecimal limit) {
        return limit.compareTo(singleApprovalUpTo) > 0;
    }
}
