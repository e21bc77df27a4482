package com.creditdesk.platform.security;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/** Each side declares which role may call which of its endpoints. */
@FunctionalInterface
public interface AccessRules {
    void apply(AuthorizeExchangeSpec exchanges);
}
