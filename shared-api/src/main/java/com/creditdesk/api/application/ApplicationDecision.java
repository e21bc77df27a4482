package com.creditdesk.api.application;

/** Credit's decision on an application: a limit, a limit against a security, or no business on credit. */
public enum ApplicationDecision { APPROVE, APPROVE_WITH_SECURITY, DECLINE }
