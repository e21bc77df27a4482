package com.creditdesk.api.application;

/** What a salesperson saw on a visit, for one aspect of the prospect's business. */
public enum Rating { GOOD, FAIR, POOR }
