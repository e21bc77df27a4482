package com.creditdesk.api.account;

/** Who set a credit limit: a credit analyst, or the credit insurer's feed. */
public enum LimitSource { ANALYST, INSURER }
