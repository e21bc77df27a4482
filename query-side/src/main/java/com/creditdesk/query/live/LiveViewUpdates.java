package com.creditdesk.query.live;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.views.ViewQueries.GetFinanceView;
import com.creditdesk.api.views.ViewQueries.GetSalesView;
import com.creditdesk.query.account.AccountProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells the live worklists that something of theirs changed: finance's for every event, an account
 * manager's for events of their customers. Axon emits after the batch is written, so a subscriber
 * that reads the view again sees the change.
 */
@Component
@ProcessingGroup(LiveViewUpdates.GROUP)
class LiveViewUpdates {
    static final String GROUP = "live-views";

    private final QueryUpdateEmitter emitter;
    private final AccountProjection accounts;
    /** An account's manager never changes after the opening: kept once looked up. */
    private final Map<String, String> managers = new ConcurrentHashMap<>();

    LiveViewUpdates(QueryUpdateEmitter emitter, AccountProjection accounts) {
        this.emitter = emitter;
        this.accounts = accounts;
    }

    @EventHandler
    void on(Object event, DomainEventMessage<?> message) {
        String customerId = message.getAggregateIdentifier();
        ViewChanged changed = new ViewChanged(customerId);
        emitter.emit(GetFinanceView.class, query -> true, changed);
        String manager = event instanceof AccountOpened opened ? opened.accountManager() : managerOf(customerId);
        emitter.emit(GetSalesView.class, query -> manager == null || query.accountManager().equals(manager), changed);
    }

    private String managerOf(String customerId) {
        String known = managers.get(customerId);
        if (known == null) {
            known = accounts.managerOf(customerId).orElse(null);
            if (known != null) {
                managers.put(customerId, known);
            }
        }
        return known;
    }
}
