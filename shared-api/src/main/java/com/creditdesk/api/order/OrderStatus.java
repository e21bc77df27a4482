package com.creditdesk.api.order;

public enum OrderStatus { ACCEPTED, BLOCKED, RELEASED, REJECTED, CANCELLED, INVOICED }
