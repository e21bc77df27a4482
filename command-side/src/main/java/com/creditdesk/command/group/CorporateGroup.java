package com.creditdesk.command.group;

import com.creditdesk.api.group.GroupCommands;
import com.creditdesk.api.group.GroupCommands.AddGroupMember;
import com.creditdesk.api.group.GroupCommands.RecordMemberExposure;
import com.creditdesk.api.group.GroupCommands.ReleaseGroupCredit;
import com.creditdesk.api.group.GroupCommands.RemoveGroupMember;
import com.creditdesk.api.group.GroupCommands.ReserveGroupCredit;
import com.creditdesk.api.group.GroupCommands.SetGroupLimit;
import com.creditdesk.api.group.GroupCredit;
import com.creditdesk.api.group.GroupEvents.GroupCreditReleased;
import com.creditdesk.api.group.GroupEvents.GroupCreditReserved;
import com.creditdesk.api.group.GroupEvents.GroupLimitExceeded;
import com.creditdesk.api.group.GroupEvents.GroupLimitSet;
import com.creditdesk.api.group.GroupEvents.GroupMemberAdded;
import com.creditdesk.api.group.GroupEvents.GroupMemberRemoved;
import com.creditdesk.api.group.GroupEvents.MemberExposureRecorded;
import com.creditdesk.command.refusal.Refusal;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static com.creditdesk.api.common.Amounts.same;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A corporate group with a limit over all its members. Each account stays the consistency boundary of its own
 * exposure; the group is where the members' orders meet. Before a member's order is checked, the group reserves its
 * amount if every member's exposure (as each account last said) plus the room reserved for orders under way leaves
 * space under the limit; its commands run one after the other, so two orders on two members never share the same
 * headroom. A reservation ends when the member's account counts the order (its exposure report names it) or when
 * the order was not accepted.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class CorporateGroup {
    @AggregateIdentifier
    private String id;
    private String groupId;
    private String name;
    private String currency;
    private BigDecimal limit;
    /** Each member's exposure as its account last said it, with that event's sequence; null while joining. */
    private Map<String, Exposure> members = new LinkedHashMap<>();
    private Map<String, Reservation> reservations = new LinkedHashMap<>();
    /** Orders whose reservation ended: asked again (a retried order), they are not reserved twice. */
    private Set<String> ended = new HashSet<>();

    record Exposure(BigDecimal amount, long accountSequence) {
    }

    record Reservation(String customerId, BigDecimal amount) {
    }

    protected CorporateGroup() {
        // for Axon and Jackson
    }

    /** Forms the group or sets its limit; the same name, currency and limit again records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public GroupCredit handle(SetGroupLimit cmd) {
        if (currency != null && !currency.equals(cmd.currency())) {
            throw Refusal.invalid("currency", "group " + cmd.groupId() + " is kept in " + currency);
        }
        if (limit == null || !same(limit, cmd.limit()) || !Objects.equals(name, cmd.name())) {
            apply(new GroupLimitSet(cmd.groupId(), cmd.name(), cmd.limit(), cmd.currency(), limit, cmd.reason(),
                    cmd.actor()));
        }
        return figures(false);
    }

    @CommandHandler
    public void handle(AddGroupMember cmd) {
        if (!members.containsKey(cmd.customerId())) {
            apply(new GroupMemberAdded(groupId, cmd.customerId(), cmd.actor()));
        }
    }

    @CommandHandler
    public void handle(RemoveGroupMember cmd) {
        if (members.containsKey(cmd.customerId())) {
            apply(new GroupMemberRemoved(groupId, cmd.customerId(), cmd.reason()));
        }
    }

    /** The latest word of a member's account counts; the reservation of the order it now includes ends. */
    @CommandHandler
    public void handle(RecordMemberExposure cmd) {
        if (!members.containsKey(cmd.customerId())) {
            return; // not (or no longer) a member here
        }
        Exposure known = members.get(cmd.customerId());
        boolean newer = known == null || cmd.accountSequence() > known.accountSequence();
        if (newer || reservations.containsKey(cmd.includesOrderId())) {
            apply(new MemberExposureRecorded(groupId, cmd.customerId(), newer ? cmd.exposure() : known.amount(),
                    newer ? cmd.accountSequence() : known.accountSequence(), cmd.includesOrderId()));
        }
    }

    /**
     * Room for a member's order, or the refusal, with the group's figures before it; the member's exposure it
     * brings is recorded first when newer. Asked again for the same order, it answers as the first time did.
     */
    @CommandHandler
    public GroupCredit handle(ReserveGroupCredit cmd) {
        if (!members.containsKey(cmd.customerId())) {
            throw Refusal.notFound("member", cmd.customerId() + " in group " + groupId);
        }
        if (reservations.containsKey(cmd.orderId()) || ended.contains(cmd.orderId())) {
            return figures(true);
        }
        handle(new RecordMemberExposure(cmd.groupId(), cmd.customerId(), cmd.memberExposure(), cmd.accountSequence(),
                null));
        // orders the account's exposure already counts, whose own report has not arrived yet: not counted twice
        cmd.countedOrderIds().stream().filter(reservations::containsKey).toList().forEach(counted ->
                handle(new RecordMemberExposure(cmd.groupId(), cmd.customerId(), cmd.memberExposure(),
                        cmd.accountSequence(), counted)));
        if (members.values().stream().anyMatch(Objects::isNull)) {
            throw new GroupMemberJoining("a member of group " + groupId + " is joining; its exposure follows");
        }
        BigDecimal exposure = exposure();
        if (exposure.add(cmd.amount()).compareTo(limit) > 0) {
            apply(new GroupLimitExceeded(groupId, cmd.customerId(), cmd.orderId(), cmd.amount(), exposure, limit));
            return new GroupCredit(groupId, limit, exposure, false);
        }
        apply(new GroupCreditReserved(groupId, cmd.customerId(), cmd.orderId(), cmd.amount(), exposure, limit));
        return new GroupCredit(groupId, limit, exposure, true);
    }

    @CommandHandler
    public void handle(ReleaseGroupCredit cmd) {
        Reservation reservation = reservations.get(cmd.orderId());
        if (reservation != null) {
            apply(new GroupCreditReleased(groupId, reservation.customerId(), cmd.orderId(), reservation.amount()));
        }
    }

    /** Every member's exposure and the room reserved for orders under way. */
    private BigDecimal exposure() {
        return members.values().stream().filter(Objects::nonNull).map(Exposure::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(reservations.values().stream().map(Reservation::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private GroupCredit figures(boolean reserved) {
        return new GroupCredit(groupId, limit, exposure(), reserved);
    }

    @EventSourcingHandler
    void on(GroupLimitSet e) {
        id = GroupCommands.aggregateId(e.groupId());
        groupId = e.groupId();
        name = e.name();
        currency = e.currency();
        limit = e.limit();
    }

    @EventSourcingHandler
    void on(GroupMemberAdded e) {
        members.put(e.customerId(), null);
    }

    @EventSourcingHandler
    void on(GroupMemberRemoved e) {
        members.remove(e.customerId());
    }

    @EventSourcingHandler
    void on(MemberExposureRecorded e) {
        members.put(e.customerId(), new Exposure(e.exposure(), e.accountSequence()));
        if (e.includesOrderId() != null && reservations.remove(e.includesOrderId()) != null) {
            ended.add(e.includesOrderId());
        }
    }

    @EventSourcingHandler
    void on(GroupCreditReserved e) {
        reservations.put(e.orderId(), new Reservation(e.customerId(), e.amount()));
    }

    @EventSourcingHandler
    void on(GroupCreditReleased e) {
        reservations.remove(e.orderId());
        ended.add(e.orderId());
    }
}
