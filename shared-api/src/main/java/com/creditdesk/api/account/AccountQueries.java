package com.creditdesk.api.account;

/** Typed queries for the account view. */
public final class AccountQueries {
    private AccountQueries() {
    }

    public record FindAccount(String customerId) {
    }

    public record ListAccounts(String accountManager, Boolean onHold, int page, int size) {
    }
}
