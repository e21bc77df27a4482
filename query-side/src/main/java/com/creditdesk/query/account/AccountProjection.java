package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.HoldLifted;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.account.AccountQueries.FindAccount;
import com.creditdesk.api.account.AccountQueries.ListAccounts;
import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.account.AccountView.AccountPage;
import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsApproved;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.api.order.OrderStatus;
import com.creditdesk.api.payment.Allocation;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;
import com.creditdesk.query.account.AccountRecord.OpenInvoice;
import com.creditdesk.query.account.AccountRecord.OpenOrder;
import com.creditdesk.query.account.AccountRecord.Security;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The account view: one document per customer, read and written by {@code _id}. Each write records
 * the aggregate sequence number it applied, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(AccountProjection.GROUP)
public class AccountProjection {
    public static final String GROUP = "accounts";

    private final MongoCollection<Document> accounts;
    private final Clock clock;

    public AccountProjection(MongoDatabase database, Clock clock) {
        this.accounts = database.getCollection("accounts");
        this.clock = clock;
        // served by an index on real MongoDB; the embedded server scans this small collection
        accounts.createIndex(Indexes.ascending("accountManager"));
    }

    @EventHandler
    void on(AccountOpened e, @SequenceNumber long sequence) {
        if (load(e.customerId()) == null) {
            save(AccountRecord.opened(e.customerId(), sequence, e.name(), e.segment(), e.currency(),
                    e.accountManager(), e.language()));
        }
    }

    @EventHandler
    void on(CreditLimitSet e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> e.source() == LimitSource.ANALYST
                ? account.withLimits(e.amount(), account.insurerLimit())
                : account.withLimits(account.analystLimit(), e.amount()));
    }

    @EventHandler
    void on(SecurityRegistered e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withSecurities(list -> append(list,
                new Security(e.securityId(), e.amount(), e.validUntil()))));
    }

    @EventHandler
    void on(AccountPutOnHold e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withHold(true));
    }

    @EventHandler
    void on(HoldLifted e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withHold(false));
    }

    @EventHandler
    void on(OrderAccepted e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withOpenOrders(list -> append(list,
                new OpenOrder(e.orderId(), e.amount()))));
    }

    @EventHandler
    void on(OrderReleased e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withOpenOrders(list -> append(list,
                new OpenOrder(e.orderId(), e.amount()))));
    }

    @EventHandler
    void on(CreditReviewOpened e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withOpenReview(true));
    }

    @EventHandler
    void on(CreditReviewConcluded e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withOpenReview(false));
    }

    @EventHandler
    void on(PaymentTermsAgreed e, @SequenceNumber long sequence) {
        if (e.status() == TermsStatus.IN_FORCE) {
            update(e.customerId(), sequence, account -> account.withPaymentTermDays(e.days()));
        }
    }

    @EventHandler
    void on(PaymentTermsApproved e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account.withPaymentTermDays(e.days()));
    }

    @EventHandler
    void on(OrderCancelled e, @SequenceNumber long sequence) {
        if (e.previousStatus() == OrderStatus.BLOCKED) {
            return; // a blocked order never counted in exposure
        }
        update(e.customerId(), sequence, account -> account.withOpenOrders(list -> without(list,
                order -> order.orderId().equals(e.orderId()))));
    }

    @EventHandler
    void on(InvoiceIssued e, @SequenceNumber long sequence) {
        update(e.customerId(), sequence, account -> account
                .withOpenOrders(list -> without(list, order -> order.orderId().equals(e.orderId())))
                .withOpenInvoices(list -> append(list, new OpenInvoice(e.invoiceId(), e.amount(), e.dueDate()))));
    }

    @EventHandler
    void on(PaymentRegistered e, @SequenceNumber long sequence) {
        Map<String, BigDecimal> paid = e.allocations().stream()
                .collect(Collectors.toMap(Allocation::invoiceId, Allocation::amount, BigDecimal::add));
        update(e.customerId(), sequence, account -> account
                .withUnappliedCredit(account.unappliedCredit().add(e.unapplied()))
                .withOpenInvoices(list -> list.stream()
                        .map(i -> new OpenInvoice(i.invoiceId(), i.balance().subtract(paid.getOrDefault(i.invoiceId(),
                                BigDecimal.ZERO)), i.dueDate()))
                        .filter(i -> i.balance().signum() > 0)
                        .toList()));
    }

    @ResetHandler
    void reset() {
        accounts.deleteMany(new Document());
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

    /** The accounts an account manager looks after, for the sales worklist. */
    public List<AccountView> managedBy(String accountManager) {
        LocalDate today = today();
        return accounts.find(Filters.eq("accountManager", accountManager)).sort(Sorts.ascending("_id"))
                .map(AccountRecord::fromDocument).map(account -> account.viewOn(today)).into(new ArrayList<>());
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

    private AccountRecord load(String customerId) {
        Document doc = accounts.find(Filters.eq("_id", customerId)).first();
        return doc == null ? null : AccountRecord.fromDocument(doc);
    }

    private void save(AccountRecord account) {
        accounts.replaceOne(Filters.eq("_id", account.customerId()), account.toDocument(),
                new ReplaceOptions().upsert(true));
    }

    private void update(String customerId, long sequence, UnaryOperator<AccountRecord> change) {
        AccountRecord account = load(customerId);
        if (account == null || sequence <= account.lastSequence()) {
            return; // already applied: a redelivery after a restart or a lost token update
        }
        save(change.apply(account).at(sequence));
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    private static <T> List<T> without(List<T> list, Predicate<T> unwanted) {
        return list.stream().filter(unwanted.negate()).collect(Collectors.toList());
    }
}
