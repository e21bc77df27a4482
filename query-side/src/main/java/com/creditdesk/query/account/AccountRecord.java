package com.creditdesk.query.account;

import com.creditdesk.api.account.AccountView;
import com.creditdesk.api.account.AccountView.AccountStatus;
import com.creditdesk.api.account.CreditFigures;
import com.creditdesk.api.account.Language;
import com.creditdesk.api.account.RiskClass;
import com.creditdesk.api.account.Segment;
import com.creditdesk.query.common.Bson;
import org.bson.Document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The stored account: raw facts only (limits, securities, open orders, open invoices). Figures that
 * depend on the day — active securities, overdue balance — are derived when the view is read, so
 * the view is right tomorrow without an event.
 *
 * @param lastSequence the aggregate sequence number of the last event applied; a redelivered event
 *                     at or below it changes nothing
 */
record AccountRecord(String customerId, long lastSequence, String name, Segment segment, String currency,
                     String accountManager, Language language, BigDecimal analystLimit, BigDecimal insurerLimit,
                     boolean onHold, boolean openReview, int paymentTermDays, BigDecimal unappliedCredit,
                     List<Security> securities, List<OpenOrder> openOrders, List<OpenInvoice> openInvoices,
                     RiskClass riskClass, LocalDate nextReviewOn, RiskClass proposedRiskClass) {

    record Security(String securityId, BigDecimal amount, LocalDate validUntil) implements CreditFigures.Security {
    }

    record OpenOrder(String orderId, BigDecimal amount) {
    }

    record OpenInvoice(String invoiceId, BigDecimal balance, LocalDate dueDate) implements CreditFigures.Receivable {
    }

    static AccountRecord opened(String customerId, long sequence, String name, Segment segment, String currency,
                                String accountManager, Language language) {
        return new AccountRecord(customerId, sequence, name, segment, currency, accountManager, language, null, null,
                false, false, segment.standardTermDays(), BigDecimal.ZERO, List.of(), List.of(), List.of(), null, null,
                null);
    }

    AccountRecord at(long sequence) {
        return new AccountRecord(customerId, sequence, name, segment, currency, accountManager, language, analystLimit,
                insurerLimit, onHold, openReview, paymentTermDays, unappliedCredit, securities, openOrders,
                openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withLimits(BigDecimal analyst, BigDecimal insurer) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language, analyst,
                insurer, onHold, openReview, paymentTermDays, unappliedCredit, securities, openOrders, openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withHold(boolean hold) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, hold, openReview, paymentTermDays, unappliedCredit, securities, openOrders,
                openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withOpenReview(boolean open) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, open, paymentTermDays, unappliedCredit, securities, openOrders,
                openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withPaymentTermDays(int days) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, openReview, days, unappliedCredit, securities, openOrders,
                openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withUnappliedCredit(BigDecimal unapplied) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, openReview, paymentTermDays, unapplied, securities, openOrders,
                openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withSecurities(UnaryOperator<List<Security>> change) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, openReview, paymentTermDays, unappliedCredit,
                List.copyOf(change.apply(securities)), openOrders, openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withOpenOrders(UnaryOperator<List<OpenOrder>> change) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, openReview, paymentTermDays, unappliedCredit, securities,
                List.copyOf(change.apply(openOrders)), openInvoices, riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withOpenInvoices(UnaryOperator<List<OpenInvoice>> change) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, openReview, paymentTermDays, unappliedCredit, securities,
                openOrders, List.copyOf(change.apply(openInvoices)), riskClass, nextReviewOn,
                proposedRiskClass);
    }

    AccountRecord withRisk(RiskClass newClass, LocalDate nextReview, RiskClass proposal) {
        return new AccountRecord(customerId, lastSequence, name, segment, currency, accountManager, language,
                analystLimit, insurerLimit, onHold, openReview, paymentTermDays, unappliedCredit, securities,
                openOrders, openInvoices, newClass, nextReview, proposal);
    }

    // ---- the view, as of a day ---------------------------------------------------------------

    AccountView viewOn(LocalDate today) {
        CreditFigures figures = CreditFigures.on(today, analystLimit, insurerLimit, securities,
                openOrders.stream().map(OpenOrder::amount).reduce(BigDecimal.ZERO, BigDecimal::add), openInvoices);
        BigDecimal available = figures.availableCredit();
        AccountStatus status = onHold ? AccountStatus.ON_HOLD
                : available.signum() < 0 ? AccountStatus.OVER_LIMIT
                : figures.overdueBalance().signum() > 0 ? AccountStatus.OVERDUE : AccountStatus.OK;
        return new AccountView(customerId, name, segment, accountManager, currency, language,
                money(figures.effectiveLimit()), money(analystLimit), money(insurerLimit),
                money(figures.activeSecurities()), money(figures.exposure()), money(available),
                money(figures.overdueBalance()), money(unappliedCredit), onHold, openReview, paymentTermDays, status,
                riskClass, nextReviewOn, proposedRiskClass);
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    // ---- storage -----------------------------------------------------------------------------

    Document toDocument() {
        return new Document("_id", customerId)
                .append("lastSequence", lastSequence)
                .append("name", name)
                .append("segment", segment.name())
                .append("currency", currency)
                .append("accountManager", accountManager)
                .append("language", language.name())
                .append("analystLimit", analystLimit)
                .append("insurerLimit", insurerLimit)
                .append("onHold", onHold)
                .append("openReview", openReview)
                .append("paymentTermDays", paymentTermDays)
                .append("unappliedCredit", unappliedCredit)
                .append("securities", securities.stream().map(s -> new Document("securityId", s.securityId())
                        .append("amount", s.amount()).append("validUntil", Bson.date(s.validUntil()))).toList())
                .append("openOrders", openOrders.stream().map(o -> new Document("orderId", o.orderId())
                        .append("amount", o.amount())).toList())
                .append("openInvoices", openInvoices.stream().map(i -> new Document("invoiceId", i.invoiceId())
                        .append("balance", i.balance()).append("dueDate", Bson.date(i.dueDate()))).toList())
                .append("riskClass", riskClass == null ? null : riskClass.name())
                .append("nextReviewOn", Bson.date(nextReviewOn))
                .append("proposedRiskClass", proposedRiskClass == null ? null : proposedRiskClass.name());
    }

    static AccountRecord fromDocument(Document doc) {
        return new AccountRecord(doc.getString("_id"), doc.getLong("lastSequence"), doc.getString("name"),
                Segment.valueOf(doc.getString("segment")), doc.getString("currency"), doc.getString("accountManager"),
                Language.valueOf(doc.getString("language")), Bson.decimal(doc, "analystLimit"),
                Bson.decimal(doc, "insurerLimit"), doc.getBoolean("onHold", false), doc.getBoolean("openReview", false),
                doc.getInteger("paymentTermDays"), Bson.decimalOrZero(doc, "unappliedCredit"),
                Bson.documents(doc, "securities").stream().map(s -> new Security(s.getString("securityId"),
                        Bson.decimal(s, "amount"), Bson.date(s, "validUntil"))).toList(),
                Bson.documents(doc, "openOrders").stream().map(o -> new OpenOrder(o.getString("orderId"),
                        Bson.decimal(o, "amount"))).toList(),
                Bson.documents(doc, "openInvoices").stream().map(i -> new OpenInvoice(i.getString("invoiceId"),
                        Bson.decimal(i, "balance"), Bson.date(i, "dueDate"))).toList(),
                doc.getString("riskClass") == null ? null : RiskClass.valueOf(doc.getString("riskClass")),
                Bson.date(doc, "nextReviewOn"),
                doc.getString("proposedRiskClass") == null ? null : RiskClass.valueOf(doc.getString("proposedRiskClass")));
    }
}
