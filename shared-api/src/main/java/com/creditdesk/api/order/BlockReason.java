package com.creditdesk.api.order;

/**
 * Reasons of credit policy v1, in the order the policy lists them; {@code GROUP_LIMIT_EXCEEDED} when the order would
 * take the account's corporate group past the group's limit.
 */
public enum BlockReason { ACCOUNT_ON_HOLD, OVERDUE_INVOICES, LIMIT_EXCEEDED, CREDIT_REVIEW, GROUP_LIMIT_EXCEEDED }
