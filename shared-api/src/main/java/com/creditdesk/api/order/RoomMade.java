package com.creditdesk.api.order;

/** What made room on an account, so that a blocked order got a second look. */
public enum RoomMade { PAYMENT, CREDIT_NOTE, LIMIT_SET, SECURITY, HOLD_LIFTED, REVIEW_CONCLUDED }
