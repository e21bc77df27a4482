package com.creditdesk.api.order;

public enum ReleaseDecision { RELEASE, REJECT }
