package com.creditdesk.api.account;

/** Typed queries for the account view. */
public final class AccountQueries {
    private AccountQueries() {
    }

    public record FindAccount(String customerId) {
    }

    /** The account exactly as it stood at an instant, rebuilt from its events (never from a snapshot). */
    public record GetAccountAsOf(String customerId, java.time.Instant at) {
    }

    public record ListAccounts(String accountManager, Boolean onHold, int page, int size) {
    }
}
