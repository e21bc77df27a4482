package com.creditdesk.command.group;

import com.creditdesk.api.account.AccountEvents.GroupExposureChanged;
import com.creditdesk.api.group.GroupCommands.RecordMemberExposure;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Carries each group member's exposure changes to its group, in the order the account recorded them (its events'
 * sequence), with a token of its own: after a crash it carries on where it stopped, and a change carried twice is
 * recorded once (the group keeps the latest sequence).
 */
@Component
@ProcessingGroup(GroupExposureRelay.GROUP)
class GroupExposureRelay {
    static final String GROUP = "group-exposure";

    private final CommandGateway commands;

    GroupExposureRelay(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(GroupExposureChanged event, @SequenceNumber long sequence) {
        commands.sendAndWait(new RecordMemberExposure(event.groupId(), event.customerId(), event.exposure(), sequence,
                event.includesOrderId()));
    }
}
