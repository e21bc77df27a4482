package com.creditdesk.query.statement;

import com.creditdesk.api.statement.StatementEvents.BankLineAssigned;
import com.creditdesk.api.statement.StatementEvents.BankLineAwaitingAssignment;
import com.creditdesk.api.views.ViewQueries.UnmatchedBankLine;
import com.creditdesk.query.common.KeyedViews;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Bank lines no rule matched, per statement and line, until credit assigns them: finance's queue
 * ({@code unmatchedBankLines}). Keyed by statement and line, guarded by the statement's last sequence.
 */
@Component
@ProcessingGroup(BankLineProjection.GROUP)
public class BankLineProjection {
    public static final String GROUP = "bank-lines";
    /** The most finance's view lists at once, oldest first. */
    private static final int SHOWN = 500;

    /** A waiting line, and once assigned whom to. */
    public record BankLineRecord(UnmatchedBankLine line, boolean waiting, String assignedTo, String assignedBy) {
    }

    private final KeyedViews<BankLineRecord> lines;

    public BankLineProjection(MongoDatabase database) {
        this.lines = new KeyedViews<>(database.getCollection("bank_lines"), BankLineRecord.class);
        lines.collection().createIndex(Indexes.ascending("waiting", "line.bookedOn"));
    }

    static String key(String statementId, String lineId) {
        return statementId + "/" + lineId;
    }

    @EventHandler
    void on(BankLineAwaitingAssignment e, @SequenceNumber long sequence) {
        lines.create(key(e.statementId(), e.lineId()), sequence, new BankLineRecord(new UnmatchedBankLine(
                e.statementId(), e.lineId(), e.amount(), e.currency(), e.bookedOn(), e.debtorName(), e.debtorIban(),
                e.remittance()), true, null, null));
    }

    @EventHandler
    void on(BankLineAssigned e, @SequenceNumber long sequence) {
        lines.update(key(e.statementId(), e.lineId()), sequence,
                line -> new BankLineRecord(line.line(), false, e.customerId(), e.actor()));
    }

    @ResetHandler
    void reset() {
        lines.clear();
    }

    /** The lines waiting for credit, oldest booking first. */
    public List<UnmatchedBankLine> awaitingAssignment() {
        return lines.collection().find(Filters.eq("waiting", true))
                .sort(Sorts.ascending("line.bookedOn", "_id")).limit(SHOWN)
                .map(doc -> lines.read(doc).line()).into(new ArrayList<>());
    }
}
