package com.creditdesk.platform.security;

import com.creditdesk.api.common.Roles;
import com.creditdesk.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * HTTP Basic against configured users, and, where an issuer or key is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.*}), OAuth2 bearer tokens (JWT) whose roles claim
 * carries the contract's roles. Health is open (load balancers), every other actuator endpoint needs
 * ADMIN. The OpenAPI document and Swagger UI are open: they describe the API, they hold no data. Refusals are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({UsersProperties.class, JwtSettings.class})
public class SecurityConfiguration {
    /** The OpenAPI document and Swagger UI (springdoc), readable without signing in. */
    public static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/webjars/swagger-ui/**"};

    /**
     * 401 with problem+json. A script in a browser page (it sends {@code X-Requested-With: XMLHttpRequest},
     * as the dashboard does) gets no {@code WWW-Authenticate} challenge: the browser would hold the request
     * for its own sign-in dialog instead of letting the page say that the password was wrong.
     */
    private static Mono<Void> unauthorized(ServerWebExchange exchange, JsonMapper json) {
        if (!"XMLHttpRequest".equals(exchange.getRequest().getHeaders().getFirst("X-Requested-With"))) {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Basic realm=\"credit-desk\"");
        }
        return write(exchange.getResponse(), json, Problems.problem(HttpStatus.UNAUTHORIZED, "Not authenticated",
                "Sign in with HTTP Basic"));
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, AccessRules accessRules, JsonMapper json,
                                                  ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
                                                  ObjectProvider<DispatcherHandler> dispatcher,
                                                  @Value("${spring.application.name:}") String applicationName,
                                                  JwtSettings jwtSettings) {
        PathsOfThisSide paths = new PathsOfThisSide(dispatcher, applicationName);
        // a path this side does not have is a 404, not a role's refusal
        ServerAccessDeniedHandler denied = (exchange, ex) -> paths.serves(exchange).flatMap(served -> write(
                exchange.getResponse(), json, served
                        ? Problems.problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role may not do this")
                        : paths.notHere(exchange)));
        ReactiveJwtDecoder tokens = jwtDecoder.getIfAvailable();
        if (tokens != null) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .accessDeniedHandler(denied) // the same answers for bearer tokens as for HTTP Basic
                    .authenticationEntryPoint((exchange, ex) -> write(exchange.getResponse(), json,
                            Problems.problem(HttpStatus.UNAUTHORIZED, "Not authenticated",
                                    "The bearer token is missing, invalid or expired")))
                    .jwt(jwt -> jwt.jwtDecoder(tokens)
                            .jwtAuthenticationConverter(new JwtRoles(jwtSettings.rolesClaim()))));
        }
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable) // a stateless API: no cookies, no sessions
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.authenticationEntryPoint((exchange, ex) -> unauthorized(exchange, json)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, ex) -> unauthorized(exchange, json))
                        .accessDeniedHandler(denied))
                .authorizeExchange(exchanges -> {
                    exchanges.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    exchanges.pathMatchers("/actuator/**").hasRole(Roles.ADMIN);
                    // the API's documentation holds no data (every call made from Swagger UI signs in): open to all
                    exchanges.pathMatchers(HttpMethod.GET, API_DOCS).permitAll();
                    accessRules.apply(exchanges);
                    exchanges.anyExchange().authenticated();
                })
                .build();
    }

    /**
     * Requests the web firewall refuses ({@code StrictServerWebExchangeFirewall}: an encoded slash, {@code ;},
     * {@code %00}, {@code /./}, {@code /../}, control characters in headers…) get the same problem+json as every
     * other refusal instead of Spring Security's bare 400. {@code WebFluxSecurityConfiguration} hands this bean
     * to its {@code WebFilterChainProxy}.
     */
    @Bean
    ServerExchangeRejectedHandler problemForRejectedRequests(JsonMapper json) {
        return (exchange, ex) -> {
            String reason = ex.getMessage() == null ? "the request was rejected" : ex.getMessage()
                    .replaceFirst("^The request was rejected because ", "");
            String field = reason.contains("URL") || reason.contains("path") ? "path" : "request";
            return write(exchange.getResponse(), json, Problems.invalid("The web firewall refused the request: "
                    + reason, List.of(Problems.fieldError(field, reason))));
        };
    }

    @Bean
    ReactiveUserDetailsService userDetailsService(UsersProperties properties,
                                                  ObjectProvider<ReactiveJwtDecoder> jwtDecoder) {
        if (properties.users().isEmpty()) {
            if (jwtDecoder.getIfAvailable() != null) {
                return username -> Mono.empty(); // bearer tokens only
            }
            throw new IllegalStateException("No users configured: set creditdesk.security.users, or an OAuth2 "
                    + "issuer or key (see README, Configuration); there are no default users outside the standalone mode");
        }
        UserDetails[] users = properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password()) // encoded, with its {id} prefix for the delegating encoder
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toArray(UserDetails[]::new);
        return new MapReactiveUserDetailsService(users);
    }

    /**
     * Checks passwords and never rewrites them: Spring's default would "upgrade" every password not
     * in bcrypt on first use and so make each later request pay a bcrypt check (~70 ms here).
     */
    @Bean
    ReactiveAuthenticationManager authenticationManager(ReactiveUserDetailsService users) {
        PasswordEncoder delegating = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        var manager = new UserDetailsRepositoryReactiveAuthenticationManager(users);
        manager.setPasswordEncoder(new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return delegating.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return delegating.matches(rawPassword, encodedPassword);
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return false; // passwords are configuration, never rewritten
            }
        });
        return manager;
    }

    static Mono<Void> write(ServerHttpResponse response, JsonMapper json, ProblemDetail problem) {
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(Problems.MEDIA_TYPE);
        DataBuffer buffer = response.bufferFactory().wrap(json.writeValueAsString(Problems.asMap(problem)).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
