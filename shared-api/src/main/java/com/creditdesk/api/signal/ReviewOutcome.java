package com.creditdesk.api.signal;

public enum ReviewOutcome { NO_CHANGE, LIMIT_CHANGED, HOLD }
