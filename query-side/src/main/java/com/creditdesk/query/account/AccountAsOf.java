package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountQueries.GetAccountAsOf;
import com.creditdesk.api.account.AccountView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The account as it stood at any instant: its events up to that instant, read straight from the
 * storage engine (which never serves snapshots, so a later snapshot cannot leak into an earlier
 * answer), folded by the same {@link AccountEvolution} the live view uses, seen on that day.
 */
@Component
public class AccountAsOf {
    private final EventStorageEngine storage;

    public AccountAsOf(EventStorageEngine storage) {
        this.storage = storage;
    }

    @QueryHandler
    public Optional<AccountView> handle(GetAccountAsOf query) {
        AccountRecord account = null;
        try (Stream<? extends DomainEventMessage<?>> events = storage.readEvents(query.customerId(), 0).asStream()) {
            Iterator<? extends DomainEventMessage<?>> iterator = events.iterator();
            while (iterator.hasNext()) {
                DomainEventMessage<?> event = iterator.next();
                if (event.getTimestamp().isAfter(query.at())) {
                    break; // an account's events are in time order
                }
                account = account == null
                        ? AccountEvolution.opened(event.getPayload(), event.getSequenceNumber()).orElse(null)
                        : AccountEvolution.apply(account, event.getPayload()).at(event.getSequenceNumber());
            }
        }
        return Optional.ofNullable(account).map(found -> found.viewOn(LocalDate.ofInstant(query.at(), ZoneOffset.UTC)));
    }
}
