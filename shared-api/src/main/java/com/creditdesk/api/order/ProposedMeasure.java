package com.creditdesk.api.order;

/** What sales proposes to make a blocked order acceptable. */
public enum ProposedMeasure { PREPAYMENT, GUARANTEE, PARTIAL_DELIVERY, TEMPORARY_LIMIT, NONE }
