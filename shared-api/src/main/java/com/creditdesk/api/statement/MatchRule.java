package com.creditdesk.api.statement;

/** How a bank line found its invoice or customer, in the order the rules are tried. */
public enum MatchRule {
    STRUCTURED_COMMUNICATION,
    INVOICE_NUMBER,
    IBAN_AND_AMOUNT
}
