package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountQueries.ListAccounts;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.account.AccountView.AccountPage;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import com.creditdesk.query.common.ProjectionBatch;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The account view: one document per customer, read and written by {@code _id}. Each write records
 * the aggregate sequence number it applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection implements ProjectionBatch.Prefetching {
    public static final String GROUP = "accounts";

    private final MongoCollection<Document> accounts;
    /** Per account manager the customers they look after: the sales worklist reads them by {@code _id}. */
    private final MongoCollection<Document> managers;
    private final AccountCheckpoints checkpoints;
    private final Clock clock;

    AccountProjection(MongoDatabase database, AccountCheckpoints checkpoints, Clock clock) {
        this.accounts = database.getCollection("accounts");
        this.managers = database.getCollection("account_managers");
        this.checkpoints = checkpoints;
        this.clock = clock;
        // served by an index on real MongoDB; the embedded server scans this collection
        accounts.createIndex(Indexes.ascending("accountManager"));
        accounts.createIndex(Indexes.ascending("proposedRiskClass"));
    }

    @Override
    public void prefetch(List<? extends EventMessage<?>> events, ProjectionBatch batch) {
        batch.prefetch(accounts, events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> ((DomainEventMessage<?>) event).getAggregateIdentifier()).distinct().toList());
    }

    /** Every event of an account, applied once: by {@code _id}, guarded by the last sequence applied. */
    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        String customerId = message.getAggregateIdentifier();
        ProjectionBatch batch = ProjectionBatch.current();
        if (event instanceof AccountOpened opened) {
            // also when the account is there already: a crash may have written the accounts of a batch and not
            // its managers; $addToSet is the same whatever the order and however often
            batch.update(managers, opened.accountManager(), Updates.addToSet("customers", customerId));
        }
        AccountRecord account = batch.view(accounts, customerId, AccountRecord::fromDocument).orElse(null);
        if (account == null) {
            AccountEvolution.opened(event, message.getSequenceNumber())
                    .ifPresent(opened -> batch.putView(accounts, customerId, opened, AccountRecord::toDocument));
            return;
        }
        if (message.getSequenceNumber() <= account.lastSequence()) {
            return; // already applied: a redelivery after a restart or a lost token update
        }
        AccountRecord next = AccountEvolution.apply(account, event);
        if (next != account) {
            batch.putView(accounts, customerId, next.at(message.getSequenceNumber()), AccountRecord::toDocument);
        }
        if (AccountCheckpoints.due(message.getSequenceNumber())) {
            checkpoints.keep(next.at(message.getSequenceNumber()), message.getSequenceNumber(), message.getTimestamp());
        }
    }

    @ResetHandler
    void reset() {
        accounts.deleteMany(new Document());
        managers.deleteMany(new Document());
        checkpoints.clear();
    }

    // ---- queries -------------------------------------------------------------------------------

    @QueryHandler
    public Optional<AccountView> handle(FindAccount query) {
        return Optional.ofNullable(load(query.customerId())).map(account -> account.viewOn(today()));
    }

    @QueryHandler
    public AccountPage handle(ListAccounts query) {
        List<Bson> filters = new ArrayList<>();
        if (query.accountManager() != null) {
            filters.add(Filters.eq("accountManager", query.accountManager()));
        }
        if (query.onHold() != null) {
            filters.add(Filters.eq("onHold", query.onHold()));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        LocalDate today = today();
        List<AccountView> page = accounts.find(filter).sort(Sorts.ascending("_id"))
                .skip(query.page() * query.size()).limit(query.size())
                .map(AccountRecord::fromDocument).map(account -> account.viewOn(today))
                .into(new ArrayList<>());
        return new AccountPage(page, query.page(), query.size(), accounts.countDocuments(filter));
    }

    /** The accounts an account manager looks after, for the sales worklist, by customer id. */
    /** Accounts whose risk class a warning sign proposed to raise, waiting for credit: few, found by an index. */
    public List<AccountView> withRiskClassProposed() {
        LocalDate today = today();
        return accounts.find(Filters.ne("proposedRiskClass", null)).sort(Sorts.ascending("_id"))
                .map(AccountRecord::fromDocument).map(account -> account.viewOn(today)).into(new ArrayList<>());
    }

    public List<AccountView> managedBy(String accountManager) {
        Document manager = managers.find(Filters.eq("_id", accountManager)).first();
        List<String> customers = manager == null ? List.of() : manager.getList("customers", String.class);
        LocalDate today = today();
        return accounts.find(Filters.in("_id", customers)).into(new ArrayList<>()).stream()
                .map(AccountRecord::fromDocument).map(account -> account.viewOn(today))
                .sorted(java.util.Comparator.comparing(AccountView::customerId)).toList();
    }

    /** The account manager of a customer, if the account is known. */
    public Optional<String> managerOf(String customerId) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", customerId)).first())
                .map(doc -> doc.getString("accountManager"));
    }

    /** Customer names by id, fetched by {@code _id}. */
    public Map<String, String> names(Collection<String> customerIds) {
        Map<String, String> names = new HashMap<>();
        accounts.find(Filters.in("_id", customerIds))
                .forEach(doc -> names.put(doc.getString("_id"), doc.getString("name")));
        return names;
    }

    // ---- storage -------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    AccountRecord load(String customerId) {
        Document doc = accounts.find(Filters.eq("_id", customerId)).first();
        return doc == null ? null : AccountRecord.fromDocument(doc);
    }

    /**
     * The account's view if the event with this sequence number was the last to change it (for the live
     * streams): an event that changed nothing, or whose change a later one already superseded, gives none.
     */
    public Optional<AccountView> changedBy(String customerId, long sequence) {
        return Optional.ofNullable(load(customerId)).filter(account -> account.lastSequence() == sequence)
                .map(account -> account.viewOn(today()));
    }
}
