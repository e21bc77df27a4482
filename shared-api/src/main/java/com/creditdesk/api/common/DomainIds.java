package com.creditdesk.api.common;

import java.util.regex.Pattern;

/** Caller-chosen identifiers: 1–64 characters of {@code A-Z a-z 0-9 . _ -} (contract, conventions). */
public final class DomainIds {
    public static final String PATTERN = "^[A-Za-z0-9._-]{1,64}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private DomainIds() {
    }

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
