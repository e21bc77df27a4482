package com.creditdesk.command.group;

import com.creditdesk.api.account.AccountCommands.JoinGroup;
import com.creditdesk.api.account.AccountCommands.MemberExposure;
import com.creditdesk.api.group.GroupCommands.AddGroupMember;
import com.creditdesk.api.group.GroupCommands.RecordMemberExposure;
import com.creditdesk.api.group.GroupCommands.RemoveGroupMember;
import com.creditdesk.api.group.GroupCommands.SetGroupLimit;
import com.creditdesk.api.group.GroupCredit;
import com.creditdesk.command.common.CommandSender;
import com.creditdesk.platform.web.validation.Amount;
import com.creditdesk.platform.web.validation.CurrencyCode;
import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.Text;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.math.BigDecimal;

/** Corporate groups: credit forms them, sets their limit and takes accounts in. */
@RestController
@RequestMapping("/api/groups/{groupId}")
class GroupController {
    private final CommandSender commands;

    GroupController(CommandSender commands) {
        this.commands = commands;
    }

    record GroupRequest(@Text String name, @Amount BigDecimal limit, @CurrencyCode String currency,
                        @Text String reason) {
    }

    /** The group's limit and its exposure now (every member's, with the room reserved for orders under way). */
    record GroupAnswer(String groupId, BigDecimal limit, BigDecimal exposure) {
    }

    @Operation(summary = "Form a corporate group or set its limit",
            description = "**Roles:** CREDIT. The limit is over all members together; a member's order that would "
                    + "take the group past it is blocked with GROUP_LIMIT_EXCEEDED. The same request again changes nothing.")
    @PutMapping
    Mono<GroupAnswer> setLimit(@PathVariable @Id String groupId, @Valid @RequestBody GroupRequest body,
                               Authentication user) {
        return commands.<GroupCredit>send(new SetGroupLimit(groupId, body.name(), body.limit(), body.currency(),
                        body.reason(), user.getName()))
                .map(group -> new GroupAnswer(groupId, group.groupLimit(), group.groupExposure()));
    }

    record MemberRequest(@CurrencyCode String currency) {
    }

    /** The member's exposure as the group now counts it. */
    record MemberAnswer(String groupId, String customerId, BigDecimal exposure) {
    }

    /**
     * The group takes the account in first, so its checks wait for the account's exposure instead of missing it;
     * then the account joins and says its exposure. An account that refuses (another group or currency) is taken
     * out again.
     */
    @Operation(summary = "Take an account into a corporate group",
            description = "**Roles:** CREDIT. The body repeats the group's currency; an account belongs to one group "
                    + "(409 ALREADY_IN_GROUP) kept in its own currency (409 GROUP_CURRENCY_DIFFERS). 404 for an "
                    + "unknown group or account. Taking it in again changes nothing.")
    @PutMapping("/members/{customerId}")
    Mono<MemberAnswer> addMember(@PathVariable @Id String groupId, @PathVariable @Id String customerId,
                                 @Valid @RequestBody MemberRequest body, Authentication user) {
        return commands.send(new AddGroupMember(groupId, customerId, user.getName()))
                .then(commands.<MemberExposure>send(new JoinGroup(customerId, groupId, body.currency(), user.getName()))
                        .onErrorResume(refused -> commands.send(new RemoveGroupMember(groupId, customerId,
                                refused.getMessage())).then(Mono.error(refused))))
                .flatMap(member -> commands.send(new RecordMemberExposure(groupId, customerId, member.exposure(),
                        member.accountSequence(), null)).thenReturn(new MemberAnswer(groupId, customerId,
                        member.exposure())));
    }
}
