package com.creditdesk.api.signal;

public enum SignalDirection { NEGATIVE, POSITIVE }
