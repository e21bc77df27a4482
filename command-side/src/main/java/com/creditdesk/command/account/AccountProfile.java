package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountCommands.OpenAccount;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.command.dunning.DunningPlan;
import com.creditdesk.command.refusal.Refusal;

import java.util.Objects;

/** Who the customer is: what the account was opened with. */
record AccountProfile(String customerId, String name, Segment segment, String currency, String accountManager,
                      Language language, String email) {

    static AccountProfile of(AccountOpened event) {
        return new AccountProfile(event.customerId(), event.name(), event.segment(), event.currency(),
                event.accountManager(), event.language(), event.email());
    }

    /** Opening is idempotent: the same account sent again changes nothing; other content conflicts. */
    void requireSameAs(OpenAccount cmd) {
        boolean same = name.equals(cmd.name()) && segment == cmd.segment() && currency.equals(cmd.currency())
                && accountManager.equals(cmd.accountManager()) && language == cmd.language()
                && Objects.equals(email, cmd.email());
        if (!same) {
            throw Refusal.idConflict("account", cmd.customerId());
        }
    }

    void requireCurrency(String requested) {
        if (!currency.equals(requested)) {
            throw Refusal.invalid("currency", "this account is kept in " + currency + ", not " + requested);
        }
    }

    DunningPlan.Debtor debtor() {
        return new DunningPlan.Debtor(customerId, segment, language, name, email, accountManager);
    }
}
