package com.creditdesk.query.timeline;

import com.creditdesk.api.account.AccountEvents.AccountOpened;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApprovalGiven;
import com.creditdesk.api.application.ApplicationEvents.ApplicationApproved;
import com.creditdesk.api.application.ApplicationEvents.ApplicationDeclined;
import com.creditdesk.api.application.ApplicationEvents.ApplicationScreened;
import com.creditdesk.api.application.ApplicationEvents.CreditApplicationFiled;
import com.creditdesk.api.account.AccountEvents.AccountPutOnHold;
import com.creditdesk.api.account.AccountEvents.CreditLimitSet;
import com.creditdesk.api.account.AccountEvents.HoldLifted;
import com.creditdesk.api.account.AccountEvents.LimitExceeded;
import com.creditdesk.api.account.AccountEvents.SecurityRegistered;
import com.creditdesk.api.dunning.DunningEvents.DunningResumed;
import com.creditdesk.api.account.AccountEvents.AccountJoinedGroup;
import com.creditdesk.api.account.AccountEvents.GroupExposureChanged;
import com.creditdesk.api.dunning.CourtesyReason;
import com.creditdesk.api.group.GroupEvents.GroupCreditReleased;
import com.creditdesk.api.statement.StatementEvents.BankLineAssigned;
import com.creditdesk.api.statement.StatementEvents.BankLineAwaitingAssignment;
import com.creditdesk.api.statement.StatementEvents.BankLineMatched;
import com.creditdesk.api.statement.StatementEvents.BankStatementImported;
import com.creditdesk.api.group.GroupEvents.GroupCreditReserved;
import com.creditdesk.api.group.GroupEvents.GroupLimitExceeded;
import com.creditdesk.api.group.GroupEvents.GroupLimitSet;
import com.creditdesk.api.group.GroupEvents.GroupMemberAdded;
import com.creditdesk.api.group.GroupEvents.GroupMemberRemoved;
import com.creditdesk.api.group.GroupEvents.MemberExposureRecorded;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallDue;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallMade;
import com.creditdesk.api.dunning.DunningEvents.CourtesyCallScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningScheduled;
import com.creditdesk.api.dunning.DunningEvents.DunningStepReached;
import com.creditdesk.api.dunning.DunningEvents.PaymentPromiseBroken;
import com.creditdesk.api.invoice.InvoiceEvents.CollectionHandoverApproved;
import com.creditdesk.api.invoice.InvoiceEvents.DisputeResolved;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceDisputed;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceHandedOver;
import com.creditdesk.api.invoice.InvoiceEvents.InvoiceIssued;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromiseKept;
import com.creditdesk.api.invoice.InvoiceEvents.PaymentPromised;
import com.creditdesk.api.order.OrderEvents.BlockedOrderNowFits;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.creditdesk.api.order.OrderEvents.OrderCancelled;
import com.creditdesk.api.order.OrderEvents.OrderRejected;
import com.creditdesk.api.order.OrderEvents.OrderReleased;
import com.creditdesk.api.order.OrderEvents.ReleaseRequested;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.api.signal.SignalEvents.ReviewScheduled;
import com.creditdesk.api.signal.SignalEvents.RiskClassProposed;
import com.creditdesk.api.signal.SignalEvents.RiskClassSet;
import com.creditdesk.api.signal.SignalEvents.SalesSignalReported;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsAgreed;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsApproved;
import com.creditdesk.api.terms.TermsEvents.PaymentTermsRefused;
import com.creditdesk.api.terms.TermsStatus;
import com.creditdesk.api.payment.PaymentEvents.PaymentRegistered;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One readable line per event, the same for a salesperson and a credit controller. */
final class Summaries {
    private Summaries() {
    }

    static String of(Object event, String currency) {
        if (event instanceof RiskClassSet e) {
            return "Risk class set to " + e.riskClass() + (e.previous() == null ? "" : " (was " + e.previous() + ")")
                    + ": " + e.reason();
        }
        if (event instanceof RiskClassProposed e) {
            return "Risk class " + e.proposed() + " proposed" + (e.current() == null ? "" : " (now " + e.current() + ")")
                    + " after a warning sign: " + e.reason();
        }
        if (event instanceof ReviewScheduled e) {
            return "Next credit review planned on " + e.dueOn() + " (" + e.reason() + ")";
        }
        if (event instanceof CreditApplicationFiled e) {
            return "Credit application " + e.applicationId() + " filed by " + e.accountManager() + " for "
                    + e.prospectName() + ": a limit of " + money(currency, e.requestedLimit()) + " asked, "
                    + money(currency, e.expectedMonthlyVolume()) + " a month expected, " + e.requestedTermDays()
                    + " days' terms";
        }
        if (event instanceof ApplicationScreened e) {
            return "Credit application " + e.applicationId() + " screened: score " + e.score() + " ("
                    + e.scoringVersion() + "), risk class " + e.riskClass() + (e.identityChecked()
                    && e.vatNumberChecked() && e.annualAccountsRead() && e.insurerCoverAsked() ? ""
                    : ", checklist incomplete");
        }
        if (event instanceof ApplicationApprovalGiven e) {
            return "Credit application " + e.applicationId() + ": first approval of " + money(currency, e.limit())
                    + " by " + e.actor() + "; above " + money(currency, e.approvalAuthority())
                    + " a second credit controller approves";
        }
        if (event instanceof ApplicationApproved e) {
            return "Credit application " + e.applicationId() + " approved with a limit of "
                    + money(currency, e.limit()) + (e.securityRequired() == null ? ""
                    : " against a " + e.securityRequired().name().toLowerCase().replace('_', ' ')) + " by "
                    + String.join(" and ", e.approvedBy()) + ": account " + e.customerId() + " is opened";
        }
        if (event instanceof ApplicationDeclined e) {
            return "Credit application " + e.applicationId() + " declined by " + e.actor() + ": " + e.note();
        }
        if (event instanceof AccountOpened e) {
            return "Account opened for " + e.name() + " (" + e.segment() + ", " + e.currency() + ", "
                    + e.language() + "), account manager " + e.accountManager();
        }
        if (event instanceof CreditLimitSet e) {
            return (e.source() == com.creditdesk.api.account.LimitSource.ANALYST ? "Analyst" : "Insurer")
                    + " limit set to " + money(currency, e.amount()) + "; effective limit "
                    + money(currency, e.previousEffectiveLimit()) + " → " + money(currency, e.effectiveLimit())
                    + " (" + e.reason() + ")" + (e.reviewDate() == null ? "" : ", review on " + e.reviewDate());
        }
        if (event instanceof SecurityRegistered e) {
            return (e.type() == com.creditdesk.api.account.SecurityType.BANK_GUARANTEE ? "Bank guarantee " : "Prepayment ")
                    + e.securityId() + " of " + money(currency, e.amount()) + " registered"
                    + (e.validUntil() == null ? "" : ", valid until " + e.validUntil());
        }
        if (event instanceof AccountPutOnHold e) {
            return "Account put on hold: " + e.reason();
        }
        if (event instanceof HoldLifted e) {
            return "Hold lifted: " + e.reason();
        }
        if (event instanceof LimitExceeded e) {
            return (e.orderId() == null ? "Account over its limit" : "Limit exceeded by order " + e.orderId())
                    + " by " + money(currency, e.excess()) + ": exposure " + money(currency, e.exposure())
                    + (e.orderId() == null ? "" : " + order " + money(currency, e.requestedAmount()))
                    + " against limit " + money(currency, e.effectiveLimit()) + " + securities "
                    + money(currency, e.activeSecurities());
        }
        if (event instanceof BlockedOrderNowFits e) {
            BigDecimal available = e.decision().effectiveLimit().add(e.decision().activeSecurities())
                    .subtract(e.decision().exposureBefore());
            return "Blocked order " + e.orderId() + " of " + money(currency, e.amount()) + " would now pass the credit"
                    + " check (" + e.cause().name().toLowerCase().replace('_', ' ')
                    + (e.reference() == null ? "" : " " + e.reference()) + "; available credit "
                    + money(currency, available) + "): credit may release it";
        }
        if (event instanceof OrderAccepted e) {
            BigDecimal available = e.decision().effectiveLimit().add(e.decision().activeSecurities())
                    .subtract(e.decision().exposureBefore());
            return "Order " + e.orderId() + " of " + money(currency, e.amount()) + " accepted (available credit was "
                    + money(currency, available) + ", policy " + e.decision().policyVersion() + ")";
        }
        if (event instanceof OrderBlocked e) {
            return "Order " + e.orderId() + " of " + money(currency, e.amount()) + " blocked: "
                    + e.reasons().stream().map(Enum::name).collect(Collectors.joining(", "))
                    + " (policy " + e.decision().policyVersion() + ")";
        }
        if (event instanceof OrderCancelled e) {
            return "Order " + e.orderId() + " of " + money(currency, e.amount()) + " cancelled (was "
                    + e.previousStatus() + "): " + e.reason();
        }
        if (event instanceof InvoiceIssued e) {
            return "Invoice " + e.invoiceId() + " of " + money(currency, e.amount()) + " issued on " + e.issueDate()
                    + ", due " + e.dueDate() + (e.termDays() == null ? "" : " (" + e.termDays() + " days' terms)")
                    + (e.orderId() == null ? "" : " for order " + e.orderId());
        }
        if (event instanceof PaymentRegistered e) {
            String settled = e.allocations().isEmpty() ? "no open invoice"
                    : e.allocations().stream().map(a -> a.invoiceId() + " " + money(currency, a.amount()))
                    .collect(Collectors.joining(", "));
            return "Payment " + e.paymentId() + " of " + money(currency, e.amount()) + " received on " + e.receivedOn()
                    + ", settles " + settled
                    + (e.unapplied().signum() > 0 ? "; unapplied credit " + money(currency, e.unapplied()) : "");
        }
        if (event instanceof ReleaseRequested e) {
            return e.actor() + " asks to release order " + e.orderId() + " of " + money(currency, e.amount())
                    + ", proposing " + e.proposedMeasure() + ": " + e.justification();
        }
        if (event instanceof OrderReleased e) {
            return "Order " + e.orderId() + " of " + money(currency, e.amount()) + " released"
                    + (e.requestedBy() == null ? "" : " at the request of " + e.requestedBy()) + ": " + e.note()
                    + (e.conditions() == null ? "" : "; conditions: " + e.conditions());
        }
        if (event instanceof OrderRejected e) {
            return "Release of order " + e.orderId() + " of " + money(currency, e.amount()) + " rejected"
                    + (e.requestedBy() == null ? "" : " (asked by " + e.requestedBy() + ")") + ": " + e.note();
        }
        if (event instanceof SalesSignalReported e) {
            return e.severity() + " " + e.direction().name().toLowerCase() + " signal " + e.category() + " observed on "
                    + e.observedOn() + ": " + e.note();
        }
        if (event instanceof CreditReviewOpened e) {
            return "Credit review " + e.reviewId() + " opened: " + e.reason() + " (reported by "
                    + String.join(", ", e.reportedBy()) + ")";
        }
        if (event instanceof CreditReviewConcluded e) {
            return "Credit review " + e.reviewId() + " concluded: " + e.outcome()
                    + (e.newLimit() == null ? "" : " to " + money(currency, e.newLimit())) + " — " + e.note();
        }
        if (event instanceof PaymentTermsAgreed e) {
            return "Payment terms of " + e.days() + " days agreed (standard " + e.standardDays() + ", was "
                    + e.previousDays() + "): " + e.reason() + (e.status() == TermsStatus.IN_FORCE ? "; in force"
                    : "; awaiting credit's approval");
        }
        if (event instanceof PaymentTermsApproved e) {
            return "Payment terms of " + e.days() + " days approved (agreed by " + e.agreedBy() + "): " + e.note();
        }
        if (event instanceof PaymentTermsRefused e) {
            return "Payment terms of " + e.days() + " days refused, " + e.daysInForce() + " days stay in force: "
                    + e.note();
        }
        if (event instanceof InvoiceDisputed e) {
            return "Invoice " + e.invoiceId() + " disputed: " + e.reason() + "; dunning paused";
        }
        if (event instanceof DisputeResolved e) {
            return "Dispute on invoice " + e.invoiceId() + " resolved: " + e.outcome()
                    + (e.creditNoteAmount() == null ? "" : ", credit note of " + money(currency, e.creditNoteAmount()))
                    + ", balance " + money(currency, e.balance()) + " — " + e.note();
        }
        if (event instanceof PaymentPromised e) {
            return "Customer promises to pay " + money(currency, e.amount()) + " on invoice " + e.invoiceId() + " by "
                    + e.promisedOn() + "; dunning paused until " + e.pausedUntil();
        }
        if (event instanceof PaymentPromiseKept e) {
            return "Promise to pay " + money(currency, e.amount()) + " on invoice " + e.invoiceId() + " by "
                    + e.promisedOn() + " kept";
        }
        if (event instanceof CollectionHandoverApproved e) {
            return "Hand-over of invoice " + e.invoiceId() + " to " + e.agency() + " approved by " + e.actor() + " ("
                    + e.role() + ")" + (e.note() == null ? "" : ": " + e.note());
        }
        if (event instanceof InvoiceHandedOver e) {
            return "Invoice " + e.invoiceId() + " handed over to " + e.agency() + " (approved by "
                    + String.join(" and ", e.approvedBy()) + "); dunning stopped";
        }
        if (event instanceof DunningScheduled e) {
            return "Dunning of invoice " + e.invoiceId() + ": " + e.step() + " planned on " + e.dueOn();
        }
        if (event instanceof DunningStepReached e) {
            String who = switch (e.step().performer()) {
                case SYSTEM -> "";
                case SALES -> "; task for " + e.assignee() + " to call the customer";
                case CREDIT -> "; task for credit";
            };
            String sent = e.message() == null ? ""
                    : "; \"" + e.message().subject() + "\" (" + e.message().language() + ")"
                    + (e.message().to() == null ? ", no e-mail address" : " to " + e.message().to());
            return "Dunning step " + e.step() + " on invoice " + e.invoiceId() + ", " + e.daysPastDue()
                    + " days past due, " + money(currency, e.balance()) + " open" + sent + who;
        }
        if (event instanceof AccountJoinedGroup e) {
            return "Account joined corporate group " + e.groupId() + " with an exposure of "
                    + money(currency, e.exposure());
        }
        if (event instanceof GroupExposureChanged e) {
            return "Exposure of " + money(currency, e.exposure()) + " reported to group " + e.groupId()
                    + (e.includesOrderId() == null ? "" : " (with order " + e.includesOrderId() + ")");
        }
        if (event instanceof GroupLimitSet e) {
            return "Group " + e.groupId() + " (" + e.name() + ") limit set to " + money(e.currency(), e.limit())
                    + (e.previous() == null ? "" : " (was " + money(e.currency(), e.previous()) + ")") + ": "
                    + e.reason();
        }
        if (event instanceof GroupMemberAdded e) {
            return "Account " + e.customerId() + " taken into group " + e.groupId();
        }
        if (event instanceof GroupMemberRemoved e) {
            return "Account " + e.customerId() + " taken out of group " + e.groupId() + ": " + e.reason();
        }
        if (event instanceof GroupCreditReserved e) {
            return "Group " + e.groupId() + " reserved " + money(currency, e.amount()) + " for order " + e.orderId()
                    + " of " + e.customerId() + " (group exposure " + money(currency, e.groupExposure()) + ", limit "
                    + money(currency, e.groupLimit()) + ")";
        }
        if (event instanceof GroupLimitExceeded e) {
            return "Order " + e.orderId() + " of " + e.customerId() + " (" + money(currency, e.amount())
                    + ") would take group " + e.groupId() + " past its limit: group exposure "
                    + money(currency, e.groupExposure()) + ", limit " + money(currency, e.groupLimit());
        }
        if (event instanceof GroupCreditReleased e) {
            return "Group " + e.groupId() + " released " + money(currency, e.amount()) + " reserved for order "
                    + e.orderId() + ", not accepted";
        }
        if (event instanceof MemberExposureRecorded e) {
            return "Group " + e.groupId() + " counts " + money(currency, e.exposure()) + " for " + e.customerId()
                    + (e.includesOrderId() == null ? "" : ", with order " + e.includesOrderId());
        }
        if (event instanceof BankStatementImported e) {
            return "Bank statement " + e.statementId() + " imported with " + e.lines().size() + " credit line"
                    + (e.lines().size() == 1 ? "" : "s") + (e.accountIban() == null ? "" : " on " + e.accountIban());
        }
        if (event instanceof BankLineMatched e) {
            return "Bank line " + e.lineId() + " of statement " + e.statementId() + " (" + money(e.currency(), e.amount())
                    + ", booked " + e.bookedOn() + ") matched to " + e.customerId()
                    + (e.invoiceId() == null ? "" : ", invoice " + e.invoiceId()) + " by "
                    + e.rule().name().toLowerCase().replace('_', ' ') + " (" + e.evidence() + "): payment "
                    + e.paymentId();
        }
        if (event instanceof BankLineAwaitingAssignment e) {
            return "Bank line " + e.lineId() + " of statement " + e.statementId() + " (" + money(e.currency(), e.amount())
                    + " from " + (e.debtorName() == null ? "an unnamed debtor" : e.debtorName())
                    + (e.debtorIban() == null ? "" : ", " + e.debtorIban()) + ") matched nothing: waiting for credit";
        }
        if (event instanceof BankLineAssigned e) {
            return "Bank line " + e.lineId() + " of statement " + e.statementId() + " (" + money(e.currency(), e.amount())
                    + ") assigned by " + e.actor() + " to " + e.customerId()
                    + (e.invoiceId() == null ? "" : ", invoice " + e.invoiceId()) + ": payment " + e.paymentId();
        }
        if (event instanceof CourtesyCallScheduled e) {
            return "Courtesy call planned on " + e.callOn() + ", before invoice " + e.invoiceId() + " falls due ("
                    + reasons(e.reasons()) + ")";
        }
        if (event instanceof CourtesyCallDue e) {
            return "Courtesy call due: task for " + e.assignee() + " to remind the customer that invoice "
                    + e.invoiceId() + " (" + money(currency, e.balance()) + ") falls due on " + e.dueDate() + " ("
                    + reasons(e.reasons()) + ")";
        }
        if (event instanceof CourtesyCallMade e) {
            return "Courtesy call about invoice " + e.invoiceId() + " made by " + e.actor() + ": " + e.note();
        }
        if (event instanceof DunningResumed e) {
            return "Dunning of invoice " + e.invoiceId() + " resumes (" + e.reason() + "), " + e.pausedDays()
                    + " days later than planned";
        }
        if (event instanceof PaymentPromiseBroken e) {
            return "Promise to pay " + money(currency, e.amount()) + " on invoice " + e.invoiceId() + " by "
                    + e.promisedOn() + " broken (" + money(currency, e.paid()) + " paid); dunning moves on";
        }
        return event.getClass().getSimpleName();
    }

    static String money(String currency, BigDecimal amount) {
        if (amount == null) {
            return "none";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return (currency == null ? "" : currency + " ") + format.format(amount.setScale(2, RoundingMode.HALF_EVEN));
    }

    private static String reasons(List<CourtesyReason> reasons) {
        return reasons.stream().map(reason -> reason.name().toLowerCase().replace('_', ' '))
                .collect(Collectors.joining(", "));
    }
}
