package com.creditdesk.api.account;

public enum Language { nl, fr, en }
