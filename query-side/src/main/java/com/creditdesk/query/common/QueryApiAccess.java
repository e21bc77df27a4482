package com.creditdesk.query.common;

import com.creditdesk.platform.security.AccessRules;
import com.creditdesk.api.common.Roles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
class QueryApiAccess {

    @Bean
    AccessRules queryAccessRules() {
        return exchanges -> exchanges
                // the page itself and its chart library hold no data: every view it shows is fetched with the user's login
                .pathMatchers(HttpMethod.GET, "/dashboard.html", "/webjars/chart.js/**").permitAll()
                .pathMatchers(HttpMethod.GET, "/api/accounts", "/api/accounts/*", "/api/accounts/*/timeline",
                        "/api/orders/*", "/api/invoices/*", "/api/applications/*", "/api/stream/accounts/*").authenticated()
                .pathMatchers(HttpMethod.GET, "/api/accounts/*/as-of").hasAnyRole(Roles.ANALYST, Roles.CREDIT)
                .pathMatchers(HttpMethod.GET, "/api/events").hasRole(Roles.ANALYST)
                .pathMatchers(HttpMethod.POST, "/api/analysis/policy-simulation").hasRole(Roles.ANALYST)
                .pathMatchers(HttpMethod.GET, "/api/views/sales", "/api/stream/views/sales")
                .hasAnyRole(Roles.SALES, Roles.ANALYST, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/views/finance", "/api/stream/views/finance")
                .hasAnyRole(Roles.CREDIT, Roles.ANALYST, Roles.ADMIN)
                .pathMatchers(HttpMethod.GET, "/api/kpis", "/api/kpis/collections").hasAnyRole(Roles.CREDIT, Roles.ANALYST)
                .pathMatchers(HttpMethod.GET, "/api/accounts/*/letters/*")
                .hasAnyRole(Roles.CREDIT, Roles.SALES, Roles.ANALYST)
                .pathMatchers(HttpMethod.GET, "/api/groups/*")
                .hasAnyRole(Roles.CREDIT, Roles.SALES, Roles.ANALYST, Roles.ADMIN)
                .pathMatchers("/api/admin/projections", "/api/admin/projections/**").hasRole(Roles.ADMIN)
                .pathMatchers("/api/admin/dead-letters", "/api/admin/dead-letters/**").hasRole(Roles.ADMIN)
                .pathMatchers("/api/**").denyAll();
    }
}
