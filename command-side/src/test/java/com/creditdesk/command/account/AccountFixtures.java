package com.creditdesk.command.account;

import com.creditdesk.command.dunning.CourtesyCallSettings;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.Segment;
import com.creditdesk.command.dunning.ReminderTemplates;
import com.creditdesk.command.signal.ReviewCycles;
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
    /** The moment the fixture's clock stands on; stamp given events with it where their time matters. */
    static final Instant NOW = TODAY.atTime(9, 30).toInstant(ZoneOffset.UTC);
    static final AccountOpened OPENED =
            new AccountOpened(C, "Bakkerij Peeters", Segment.SMB, "EUR", "sales1", Language.nl, "erp",
                    "boekhouding@peeters.example");

    private AccountFixtures() {
    }

    static FixtureConfiguration<CustomerAccount> fixture() {
        return fixture(TODAY);
    }

    /** A fixture whose clock stands on {@code today}, 09:30 UTC; given events are stamped with that moment too. */
    static FixtureConfiguration<CustomerAccount> fixture(LocalDate today) {
        Instant now = today.atTime(9, 30).toInstant(ZoneOffset.UTC);
        FixtureConfiguration<CustomerAccount> fixture = new AggregateTestFixture<>(CustomerAccount.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(new ReminderTemplates());
        fixture.registerInjectableResource(ReviewCycles.STANDARD);
        fixture.registerInjectableResource(CourtesyCallSettings.STANDARD);
        return fixture;
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }
}
