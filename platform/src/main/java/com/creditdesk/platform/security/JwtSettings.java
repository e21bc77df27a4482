package com.creditdesk.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OAuth2 bearer tokens ({@code creditdesk.security.jwt}); the issuer itself is Spring's
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 *
 * @param rolesClaim the token claim holding the contract's roles ({@code ["CREDIT"]})
 */
@ConfigurationProperties("creditdesk.security.jwt")
public record JwtSettings(@DefaultValue("roles") String rolesClaim) {
}
