package com.creditdesk.api.order;

/** Reasons of credit policy v1, in the order the policy lists them. */
public enum BlockReason { ACCOUNT_ON_HOLD, OVERDUE_INVOICES, LIMIT_EXCEEDED, CREDIT_REVIEW }
