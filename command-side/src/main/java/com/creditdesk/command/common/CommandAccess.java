package com.creditdesk.command.common;

import com.creditdesk.api.account.LimitSource;
import com.creditdesk.api.common.Roles;
import com.creditdesk.platform.security.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may send which command, in one place: the contract's roles per endpoint, the one rule that depends on
 * the body (who sets a limit from which source), and the caller's roles as data for the rule the account
 * applies itself (a hand-over needs one approval from each side).
 */
@Component
public class CommandAccess implements AccessRules {

    @Override
    public void apply(AuthorizeExchangeSpec exchanges) {
        exchanges
                .pathMatchers(HttpMethod.POST, "/api/accounts").hasRole(Roles.INTEGRATION)
                .pathMatchers(HttpMethod.POST, "/api/applications").hasRole(Roles.SALES)
                .pathMatchers(HttpMethod.POST, "/api/applications/*/screening", "/api/applications/*/decision")
                .hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.PUT, "/api/accounts/*/credit-limit").hasAnyRole(Roles.CREDIT, Roles.INTEGRATION)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/securities").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/orders").hasRole(Roles.INTEGRATION)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/orders/*/cancel").hasRole(Roles.INTEGRATION)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/invoices").hasRole(Roles.INTEGRATION)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/invoices/*/disputes").hasAnyRole(Roles.SALES, Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/invoices/*/disputes/resolution").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/invoices/*/payment-promises")
                .hasAnyRole(Roles.SALES, Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/invoices/*/courtesy-call").hasRole(Roles.SALES)
                .pathMatchers(HttpMethod.PUT, "/api/groups/*").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.PUT, "/api/groups/*/members/*").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/invoices/*/collection-handover/approvals")
                .hasAnyRole(Roles.SALES, Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/payments").hasRole(Roles.INTEGRATION)
                .pathMatchers("/api/accounts/*/hold").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/orders/*/release-requests").hasRole(Roles.SALES)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/orders/*/release-decision").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/sales-signals").hasRole(Roles.SALES)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/reviews/current/conclusion").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.PUT, "/api/accounts/*/risk-class").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/payment-terms").hasRole(Roles.SALES)
                .pathMatchers(HttpMethod.POST, "/api/accounts/*/payment-terms/approval").hasRole(Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/bank-statements").hasAnyRole(Roles.INTEGRATION, Roles.CREDIT)
                .pathMatchers(HttpMethod.POST, "/api/bank-statements/*/lines/*/assignment").hasRole(Roles.CREDIT)
                .pathMatchers("/api/admin/**").hasRole(Roles.ADMIN)
                .pathMatchers("/api/**").denyAll();
    }

    /** Credit sets the analyst's limit; the insurer's limit comes in through an integration. */
    public static String roleSettingLimitsFrom(LimitSource source) {
        return source == LimitSource.ANALYST ? Roles.CREDIT : Roles.INTEGRATION;
    }

    /** The contract's roles the caller holds, without Spring's {@code ROLE_} prefix. */
    public static Set<String> rolesOf(Authentication user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toSet());
    }
}
