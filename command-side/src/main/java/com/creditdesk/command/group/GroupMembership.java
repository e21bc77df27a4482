package com.creditdesk.command.group;

import com.creditdesk.api.account.AccountCommands.JoinGroup;
import com.creditdesk.api.account.AccountEvents.AccountJoinedGroup;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.command.refusal.Rule;
import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.math.BigDecimal;
import java.util.List;

/** The account's side of a corporate group: which group it belongs to (one at most). */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class GroupMembership {
    private String groupId;

    public boolean member() {
        return groupId != null;
    }

    public String groupId() {
        return groupId;
    }

    /** Joining its own group again records nothing; another group, or a group in another currency, is refused. */
    public List<Object> join(JoinGroup cmd, String accountCurrency, BigDecimal exposure) {
        if (cmd.groupId().equals(groupId)) {
            return List.of();
        }
        if (groupId != null) {
            throw Refusal.violated(Rule.ALREADY_IN_GROUP,
                    "account " + cmd.customerId() + " belongs to group " + groupId + " already");
        }
        if (!accountCurrency.equals(cmd.currency())) {
            throw Refusal.violated(Rule.GROUP_CURRENCY_DIFFERS, "account " + cmd.customerId() + " is kept in "
                    + accountCurrency + ", group " + cmd.groupId() + " in " + cmd.currency());
        }
        return List.of(new AccountJoinedGroup(cmd.customerId(), cmd.groupId(), exposure, cmd.actor()));
    }

    public void evolve(Object event) {
        if (event instanceof AccountJoinedGroup e) {
            groupId = e.groupId();
        }
    }
}
