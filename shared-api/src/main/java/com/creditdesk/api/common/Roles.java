package com.creditdesk.api.common;

/** The contract's roles: who may send which command; commands that need them carry the sender's roles as data. */
public final class Roles {
    public static final String INTEGRATION = "INTEGRATION";
    public static final String SALES = "SALES";
    public static final String CREDIT = "CREDIT";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
