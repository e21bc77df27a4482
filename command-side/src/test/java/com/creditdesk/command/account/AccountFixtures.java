package com.creditdesk.command.account;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** What the account's fixture tests start from: one SMB customer, and a clock standing on {@link #TODAY}. */
final class AccountFixtures {
    static final String C = "C-1";
    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);
    static final AccountOpened OPENED =
            new AccountOpened(C, "Bakkerij Peeters", Segment.SMB, "EUR", "sales1", Language.nl, "erp");

    private AccountFixtures() {
    }

    static FixtureConfiguration<CustomerAccount> fixture() {
        FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-03-01T09:30:00Z"), ZoneOffset.UTC));
        return fixture;
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }
}
