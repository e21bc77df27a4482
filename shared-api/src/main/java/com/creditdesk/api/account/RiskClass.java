package com.creditdesk.api.application;

/** How closely credit follows an account: from the screening's score, later set by credit. */
public enum RiskClass { LOW, MEDIUM, HIGH }
