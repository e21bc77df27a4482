package com.creditdesk.command.application;

import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountCommands.SetCreditLimit;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.signal.SignalCommands.SetRiskClass;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * An approved application opens the account with its limit and the risk class of its score. Both commands are idempotent, so an approval handled
 * again (a restart before the token was stored) opens nothing twice.
 */
@Component
@ProcessingGroup(AccountOpening.GROUP)
class AccountOpening {
    static final String GROUP = "application-openings";

    private final CommandGateway commands;

    AccountOpening(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(ApplicationApproved approved) {
        commands.sendAndWait(new OpenAccount(approved.customerId(), approved.prospectName(), approved.segment(),
                approved.currency(), approved.accountManager(), approved.language(), approved.actor(),
                approved.email()));
        commands.sendAndWait(new SetCreditLimit(approved.customerId(), approved.limit(), LimitSource.ANALYST,
                "credit application " + approved.applicationId() + (approved.note() == null ? "" : ": "
                        + approved.note()), null, approved.actor()));
        commands.sendAndWait(new SetRiskClass(approved.customerId(), approved.riskClass(), "credit application "
                + approved.applicationId() + ": risk class of its score", approved.actor()));
    }
}
