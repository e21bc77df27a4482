package com.creditdesk.command.group;

import org.axonframework.common.AxonTransientException;

/**
 * A member of the group is joining and its exposure is not known yet: the group's check waits a moment. Transient, so
 * the command gateway retries it (the join completes within milliseconds).
 */
public class GroupMemberJoining extends AxonTransientException {
    public GroupMemberJoining(String message) {
        super(message);
    }
}
