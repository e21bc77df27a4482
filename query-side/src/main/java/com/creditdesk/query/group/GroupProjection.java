package com.creditdesk.query.group;

import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.group.GroupEvents.GroupLimitSet;
import com.creditdesk.api.group.GroupEvents.GroupMemberAdded;
import com.creditdesk.api.group.GroupEvents.GroupMemberRemoved;
import com.creditdesk.api.group.GroupQueries.FindGroup;
import com.creditdesk.api.group.GroupQueries.GroupMemberView;
import com.creditdesk.api.group.GroupQueries.GroupView;
import com.creditdesk.query.account.AccountProjection;
import com.creditdesk.query.common.KeyedViews;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Corporate groups as credit formed them: name, limit and members. The view adds each member's figures from its
 * account view when asked, so the group's exposure is always the sum of what the members' views show.
 */
@Component
@ProcessingGroup(GroupProjection.GROUP)
public class GroupProjection {
    public static final String GROUP = "groups";

    /** What is stored per group; the figures come from the members' accounts. */
    public record GroupRecord(String groupId, String name, String currency, BigDecimal limit, List<String> members) {
        public GroupRecord {
            members = members == null ? List.of() : List.copyOf(members);
        }

        GroupRecord with(BigDecimal newLimit, String newName, List<String> newMembers) {
            return new GroupRecord(groupId, newName, currency, newLimit, newMembers);
        }
    }

    private final KeyedViews<GroupRecord> groups;
    private final AccountProjection accounts;

    public GroupProjection(MongoDatabase database, AccountProjection accounts) {
        this.groups = new KeyedViews<>(database.getCollection("groups"), GroupRecord.class);
        this.accounts = accounts;
    }

    @EventHandler
    void on(GroupLimitSet e, @SequenceNumber long sequence) {
        if (e.previous() == null) {
            groups.create(e.groupId(), sequence, new GroupRecord(e.groupId(), e.name(), e.currency(), e.limit(),
                    List.of()));
        } else {
            groups.update(e.groupId(), sequence, group -> group.with(e.limit(), e.name(), group.members()));
        }
    }

    @EventHandler
    void on(GroupMemberAdded e, @SequenceNumber long sequence) {
        groups.update(e.groupId(), sequence, group -> {
            List<String> members = new ArrayList<>(group.members());
            members.add(e.customerId());
            return group.with(group.limit(), group.name(), members);
        });
    }

    @EventHandler
    void on(GroupMemberRemoved e, @SequenceNumber long sequence) {
        groups.update(e.groupId(), sequence, group -> group.with(group.limit(), group.name(),
                group.members().stream().filter(member -> !member.equals(e.customerId())).toList()));
    }

    @ResetHandler
    void reset() {
        groups.clear();
    }

    @QueryHandler
    public Optional<GroupView> handle(FindGroup query) {
        return groups.find(query.groupId()).map(group -> {
            List<GroupMemberView> members = group.members().stream()
                    .map(customerId -> accounts.handle(new FindAccount(customerId)))
                    .flatMap(Optional::stream)
                    .map(GroupProjection::member).toList();
            BigDecimal exposure = members.stream().map(GroupMemberView::exposure)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            return new GroupView(group.groupId(), group.name(), group.currency(), group.limit(), exposure,
                    group.limit().subtract(exposure), members);
        });
    }

    private static GroupMemberView member(AccountView account) {
        return new GroupMemberView(account.customerId(), account.name(), account.exposure(),
                account.availableCredit(), account.onHold());
    }
}
