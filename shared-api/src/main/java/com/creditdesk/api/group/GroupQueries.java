package com.creditdesk.api.group;

import java.math.BigDecimal;
import java.util.List;

public final class GroupQueries {
    private GroupQueries() {
    }

    public record FindGroup(String groupId) {
    }

    /**
     * A corporate group: its limit, its members with what each owes and has on order (exposure), the group's exposure
     * (their sum) and the credit left to the group ({@code limit - exposure}, below zero when over it).
     */
    public record GroupView(String groupId, String name, String currency, BigDecimal limit, BigDecimal exposure,
                            BigDecimal availableCredit, List<GroupMemberView> members) {
    }

    public record GroupMemberView(String customerId, String name, BigDecimal exposure, BigDecimal availableCredit,
                                  boolean onHold) {
    }
}
