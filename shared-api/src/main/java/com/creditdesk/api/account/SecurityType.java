package com.creditdesk.api.account;

public enum SecurityType { BANK_GUARANTEE, PREPAYMENT }
