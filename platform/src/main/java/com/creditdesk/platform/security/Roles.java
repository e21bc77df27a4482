package com.creditdesk.platform.security;

/** The contract's roles. */
public final class Roles {
    public static final String INTEGRATION = "INTEGRATION";
    public static final String SALES = "SALES";
    public static final String CREDIT = "CREDIT";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
