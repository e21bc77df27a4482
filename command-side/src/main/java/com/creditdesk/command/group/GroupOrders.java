package com.creditdesk.command.group;

import com.creditdesk.api.account.AccountCommands.MemberExposure;
import com.creditdesk.api.group.GroupCommands.ReleaseGroupCredit;
import com.creditdesk.api.group.GroupCommands.ReserveGroupCredit;
import com.creditdesk.api.group.GroupCredit;
import com.creditdesk.api.order.OrderCommands.OrderPlacement;
import com.creditdesk.api.order.OrderCommands.PlaceOrder;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.command.common.CommandSender;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Places an order, through its account's corporate group when it has one: the account answers its exposure, the
 * group reserves room for the order (or refuses, with its figures), the account decides with the group's answer as
 * an input, and room reserved for an order that was not accepted is given back. A crash between two steps leaves
 * at most room reserved for nothing, which is safe (the group is stricter for a while) and ends when the order is
 * sent again: every step is idempotent by the order's id.
 */
@Component
public class GroupOrders {
    private final CommandSender commands;

    GroupOrders(CommandSender commands) {
        this.commands = commands;
    }

    public Mono<OrderPlacement> place(PlaceOrder order) {
        return commands.send(order).flatMap(answer -> answer instanceof MemberExposure member
                ? throughGroup(order, member) : Mono.just((OrderPlacement) answer));
    }

    private Mono<OrderPlacement> throughGroup(PlaceOrder order, MemberExposure member) {
        return commands.<GroupCredit>send(new ReserveGroupCredit(member.groupId(), order.customerId(),
                        order.orderId(), order.amount(), member.exposure(), member.accountSequence(),
                        member.countedOrderIds()))
                .flatMap(groupCredit -> commands.<OrderPlacement>send(order.withGroupCredit(groupCredit))
                        .flatMap(placement -> groupCredit.reserved() && placement.status() != OrderStatus.ACCEPTED
                                ? commands.send(new ReleaseGroupCredit(member.groupId(), order.orderId()))
                                .thenReturn(placement)
                                : Mono.just(placement)));
    }
}
