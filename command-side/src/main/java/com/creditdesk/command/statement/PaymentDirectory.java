package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StatementCommands.FindOpenInvoicesOfAmount;
import com.creditdesk.api.statement.StructuredCommunication;
import com.creditdesk.command.statement.BankLineMatching.KnownInvoice;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * What the matching rules know, on the command side: the structured communications given, the system-wide invoice
 * claims ({@code unique_ids}: which account holds an invoice), the IBANs learned from matched and assigned lines
 * ({@code bank_accounts}), and the account itself for its open invoices.
 */
@Component
class PaymentDirectory implements BankLineMatching.Directory {
    private final StructuredCommunications structuredCommunications;
    private final MongoCollection<Document> claims;
    private final MongoCollection<Document> given;
    private final MongoCollection<Document> bankAccounts;
    private final CommandGateway gateway;

    PaymentDirectory(StructuredCommunications structuredCommunications, MongoDatabase database,
                     CommandGateway gateway) {
        this.structuredCommunications = structuredCommunications;
        this.claims = database.getCollection("unique_ids");
        this.given = database.getCollection("structured_communications");
        this.bankAccounts = database.getCollection("bank_accounts");
        this.gateway = gateway;
    }

    @Override
    public Optional<KnownInvoice> invoiceWith(StructuredCommunication ogm) {
        return structuredCommunications.invoiceOf(ogm).flatMap(this::invoice);
    }

    @Override
    public Optional<KnownInvoice> invoice(String invoiceId) {
        Document claim = claims.find(eq("_id", "invoice:" + invoiceId)).first();
        if (claim == null) {
            return Optional.empty();
        }
        Document ogm = given.find(eq("_id", invoiceId)).first();
        return Optional.of(new KnownInvoice(invoiceId, claim.getString("customerId"),
                ogm == null ? null : ogm.getString("currency")));
    }

    @Override
    public Set<String> customersPayingFrom(String iban) {
        Document known = bankAccounts.find(eq("_id", normalized(iban))).first();
        return known == null ? Set.of() : new LinkedHashSet<>(known.getList("customers", String.class));
    }

    @Override
    public List<String> openInvoicesOfAmount(String customerId, BigDecimal amount, String currency) {
        return gateway.sendAndWait(new FindOpenInvoicesOfAmount(customerId, amount, currency));
    }

    /** An IBAN paid for the account: the IBAN rule may match its later payments. */
    void learn(String iban, String customerId) {
        if (iban != null && customerId != null) {
            bankAccounts.updateOne(eq("_id", normalized(iban)), Updates.addToSet("customers", customerId),
                    new UpdateOptions().upsert(true));
        }
    }

    static String normalized(String iban) {
        return iban.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
