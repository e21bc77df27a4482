package com.creditdesk.api.group;

import java.math.BigDecimal;

/**
 * The group's side of a member's credit check, as the group answered it: its limit and its exposure before the order
 * (every member's, with the room reserved for orders under way). {@code reserved} says whether room was reserved.
 */
public record GroupCredit(String groupId, BigDecimal groupLimit, BigDecimal groupExposure, boolean reserved) {
}
