package com.creditdesk.api.signal;

public enum Severity { LOW, MEDIUM, HIGH }
