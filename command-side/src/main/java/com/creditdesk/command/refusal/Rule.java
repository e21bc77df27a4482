package com.creditdesk.command.refusal;

/**
 * The rules of the domain a well-formed command can break. Each answers {@code 409} with its name as the
 * problem's {@code rule}, so clients branch on the name; the message says what happened in words.
 */
public enum Rule {
    /** The same id was used before with other content (the same id needs the same content). */
    ID_CONFLICT,
    /** Invoiced or rejected orders can no longer be cancelled. */
    ORDER_NOT_CANCELLABLE,
    /** Only a blocked order can be released, rejected or asked to be released. */
    ORDER_NOT_BLOCKED,
    /** A release was asked already, by someone else or with other words, and waits for credit. */
    RELEASE_ALREADY_REQUESTED,
    /** Only accepted or released orders can be invoiced. */
    ORDER_NOT_INVOICEABLE,
    NO_OPEN_REVIEW,
    NO_TERMS_AWAITING_APPROVAL,
    ALREADY_DISPUTED,
    NOT_DISPUTED,
    CREDIT_NOTE_EXCEEDS_BALANCE,
    PROMISE_EXCEEDS_BALANCE,
    /** An invoice has one valid payment promise at a time. */
    PROMISE_OPEN,
    /** A disputed invoice is not handed over to collection before the dispute is resolved. */
    DISPUTED,
    /** An invoice with a collection agency is followed up by the agency, not here. */
    HANDED_OVER,
    /** An invoice without an open balance has nothing left to follow up. */
    INVOICE_SETTLED,
    /** A decided credit application is not screened or decided again. */
    APPLICATION_DECIDED,
    /** An approval needs a screening with its checklist complete. */
    SCREENING_INCOMPLETE,
    /** The second approval confirms the first one's decision and limit, or declines. */
    APPROVAL_DIFFERS,
    /** A courtesy call is recorded for an invoice whose customer was to be called before it fell due. */
    NO_COURTESY_CALL,
    /** An account belongs to one corporate group at most. */
    ALREADY_IN_GROUP,
    /** A group counts its members' exposure in its own currency: an account kept in another cannot join. */
    GROUP_CURRENCY_DIFFERS,
    /** A bank line matched by a rule when its statement was imported is paid already; it cannot be assigned. */
    BANK_LINE_MATCHED,
    /** A bank line credit assigned to a customer (and invoice) stays assigned to them. */
    BANK_LINE_ASSIGNED
}
