package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountView;
import com.creditdesk.query.support.GeneratedLedger;
import com.creditdesk.query.support.ProjectionsOnLedger;
import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.account.Segment;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash between a batch's writes of the accounts and of the account managers' lists: the batch comes again, its
 * accounts are applied already, and still every account is in its manager's list.
 */
class AccountProjectionCrashTest {
    private static final ProjectionsOnLedger projections = new ProjectionsOnLedger("account_managers");
    private static AccountProjection accounts;

    @BeforeAll
    static void applyAYear() {
        Clock clock = Clock.fixed(GeneratedLedger.END.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
        accounts = new AccountProjection(projections.database(), new AccountCheckpoints(projections.database()), clock);
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String customerId = "C-" + i;
            events.add(new GenericDomainEventMessage<>("CustomerAccount", customerId, 0, new AccountOpened(customerId,
                    "Customer " + i, Segment.SMB, "EUR", "sales" + i % 7, Language.nl, "erp", null)));
            events.add(new GenericDomainEventMessage<>("CustomerAccount", customerId, 1, new CreditLimitSet(customerId,
                    BigDecimal.TEN, LimitSource.ANALYST, "opening", null, BigDecimal.ZERO, BigDecimal.TEN, "credit1")));
        }
        projections.apply(List.of(accounts), events, 1_000_000);
    }

    @AfterAll
    static void stop() {
        projections.close();
    }

    @Test
    void everyAccountIsInItsManagersListAfterBatchesHalfWritten() {
        assertThat(projections.redelivered()).as("batches whose managers' lists were not written").isPositive();
        Map<String, List<String>> byManager = projections.database().getCollection("accounts").find()
                .into(new ArrayList<>()).stream().collect(Collectors.groupingBy(
                        (Document account) -> account.getString("accountManager"),
                        Collectors.mapping(account -> account.getString("_id"), Collectors.toList())));
        assertThat(byManager).isNotEmpty();
        byManager.forEach((manager, customers) -> assertThat(accounts.managedBy(manager))
                .as(manager).extracting(AccountView::customerId).containsExactlyInAnyOrderElementsOf(customers));
    }
}
