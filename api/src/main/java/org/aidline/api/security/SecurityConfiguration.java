package org.aidline.api.security;

import org.aidline.api.problem.ProblemResponses;
import org.aidline.api.problem.ProblemType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Who may call what. Roles come from the token's {@code roles} claim; which report and which
 * region is checked again in the features, since a role alone never opens another's data.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, failure) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer");
            return problems.write(exchange, ProblemType.UNAUTHENTICATED);
        };
        ServerAccessDeniedHandler denied = (exchange, failure) ->
                problems.write(exchange, ProblemType.FORBIDDEN);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // Stateless: every request carries its bearer token. Without this, Spring Security reads the security
                // context from a WebSession on every request, and creating that session (InMemoryWebSessionStore) moves
                // the rest of the request onto Reactor's shared parallel scheduler (one thread per core): a request that
                // computes for long (the first /v3/api-docs, a large upload) then holds up every request queued behind
                // it on that thread, whatever context or endpoint they are for.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports").hasRole("CITIZEN")
                        .pathMatchers(HttpMethod.GET, "/api/v1/me/reports").hasRole("CITIZEN")
                        .pathMatchers(HttpMethod.POST, "/api/v1/hotline/reports").hasRole("OPERATOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/hotline/work-orders").hasRole("HOTLINE_PLATFORM")
                        .pathMatchers("/api/v1/hotline/deliveries", "/api/v1/hotline/deliveries/**").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/reports").hasAnyRole("OPERATOR", "SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/monitoring/flags").hasAnyRole("SUPERVISOR", "MONITOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*/flag-outcome").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/registry/events").hasRole("REGISTRY_FEED")
                        .pathMatchers("/api/v1/registry/imports", "/api/v1/registry/imports/*").hasAnyRole("SUPERVISOR", "REGISTRY_FEED")
                        .pathMatchers(HttpMethod.GET, "/api/v1/reports/*").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/me").authenticated()
                        .pathMatchers(HttpMethod.GET, "/api/v1/verifications").hasAnyRole("SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/payments/callback").hasRole("PAYMENT_GATEWAY")
                        .pathMatchers(HttpMethod.GET, "/api/v1/payments").hasAnyRole("SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/payments/*/retry").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/policies/**", "/api/v1/grants/*/review")
                                .hasAnyRole("OPERATOR", "COORDINATOR", "SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.PUT, "/api/v1/policies/*").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/calendar/*").hasAnyRole("OPERATOR", "COORDINATOR", "SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.PUT, "/api/v1/calendar/*").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/grants/*/review", "/api/v1/grants/*/approval",
                                "/api/v1/reports/*/fast-track-override").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/ledger").hasAnyRole("AUDITOR", "SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*/identity", "/api/v1/reports/*/investigation",
                                "/api/v1/reports/*/means-test", "/api/v1/reports/*/deliberation").hasAnyRole("COORDINATOR", "SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*/objections").hasAnyRole("OPERATOR", "COORDINATOR", "SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*/notice", "/api/v1/reports/*/objections/*/resolution",
                                "/api/v1/reports/*/decision", "/api/v1/supervision/filed-decisions/*/review").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/reports/*/case").authenticated()
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*/referrals").hasAnyRole("COORDINATOR", "SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/reports/*/call-back").hasRole("OPERATOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/call-backs").hasAnyRole("OPERATOR", "SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/partners", "/api/v1/referrals/*")
                                .hasAnyRole("OPERATOR", "COORDINATOR", "SUPERVISOR", "AUDITOR", "PARTNER")
                        .pathMatchers(HttpMethod.POST, "/api/v1/referrals/*/answer").hasAnyRole("SUPERVISOR", "PARTNER")
                        .pathMatchers(HttpMethod.POST, "/api/v1/grants/*/documents").hasAnyRole("CITIZEN", "COORDINATOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/grants").hasAnyRole("SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/grants/*").authenticated()
                        .pathMatchers("/api/v1/coordinator/**", "/api/v1/devices", "/api/v1/devices/*").hasAnyRole("COORDINATOR", "SUPERVISOR")
                        .pathMatchers("/api/v1/notifications/**").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/audit", "/api/v1/audit/verify").hasRole("AUDITOR")
                        .pathMatchers(HttpMethod.GET, "/api/v1/supervision/queues", "/api/v1/supervision/queues/*", "/api/v1/statistics",
                                "/api/v1/exports/*").hasAnyRole("SUPERVISOR", "AUDITOR")
                        // The registry's payouts (issue 13): supervisors move programme money; auditors read along.
                        .pathMatchers(HttpMethod.GET, "/api/v1/registry/standards/*", "/api/v1/payrolls/*", "/api/v1/campaigns/*")
                                .hasAnyRole("SUPERVISOR", "AUDITOR")
                        .pathMatchers(HttpMethod.PUT, "/api/v1/registry/standards/*/*").hasRole("SUPERVISOR")
                        .pathMatchers(HttpMethod.POST, "/api/v1/payrolls", "/api/v1/campaigns", "/api/v1/campaigns/*/run").hasRole("SUPERVISOR")
                        .pathMatchers("/api/**").authenticated()
                        // Open311: the catalogue is public (categories only); requests need a token, since even a category and a
                        // village can point at a household in a small place.
                        .pathMatchers(HttpMethod.GET, "/open311/v2/services.json", "/open311/v2/services/*.json").permitAll()
                        .pathMatchers(HttpMethod.POST, "/open311/v2/requests.json").hasRole("CITIZEN")
                        .pathMatchers(HttpMethod.GET, "/open311/v2/requests.json", "/open311/v2/requests/*.json")
                                .hasAnyRole("CITIZEN", "OPERATOR", "COORDINATOR", "SUPERVISOR", "AUDITOR")
                        .pathMatchers("/open311/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    /**
     * Expiry and not-before, with the configured clock skew: Spring Boot's decoder for an issuer takes this bean
     * in place of its own timestamp check (and so does the development issuer's decoder).
     */
    @Bean
    JwtTimestampValidator tokenTimestampValidator(TokenProperties tokens) {
        return new JwtTimestampValidator(tokens.clockSkew());
    }

    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> rolesFromToken() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(Actors.ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }
}
