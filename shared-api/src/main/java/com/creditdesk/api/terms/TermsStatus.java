package com.creditdesk.api.terms;

public enum TermsStatus { IN_FORCE, AWAITING_APPROVAL }
