package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountQueries.GetAccountAsOf;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.query.account.AccountCheckpoints.Checkpoint;
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
 * answer), folded by the same {@link AccountEvolution} the live view uses, seen on that day. The
 * fold starts from the projection's latest checkpoint at or before the instant, if there is one.
 */
@Component
public class AccountAsOf {
    private final EventStorageEngine storage;
    private final AccountProjection accounts;
    private final AccountCheckpoints checkpoints;

    AccountAsOf(EventStorageEngine storage, AccountProjection accounts, AccountCheckpoints checkpoints) {
        this.storage = storage;
        this.accounts = accounts;
        this.checkpoints = checkpoints;
    }

    @QueryHandler
    public Optional<AccountView> handle(GetAccountAsOf query) {
        AccountRecord current = accounts.load(query.customerId());
        Optional<Checkpoint> checkpoint = current == null ? Optional.empty()
                : checkpoints.latestAtOrBefore(query.customerId(), current.lastSequence(), query.at());
        AccountRecord account = checkpoint.map(Checkpoint::account).orElse(null);
        long first = checkpoint.map(c -> c.sequence() + 1).orElse(0L);
        try (Stream<? extends DomainEventMessage<?>> events = storage.readEvents(query.customerId(), first).asStream()) {
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
