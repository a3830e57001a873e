package org.aidline.api.dev;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Flux;

/**
 * The development issuer. Its tokens are validated like any issuer's: signature against its JWK
 * set, issuer, audience, expiry and not-before. The audience is the one configured for every
 * issuer ({@code spring.security.oauth2.resourceserver.jwt.audiences}, {@code aidline} unless set),
 * checked with the rule Spring Boot applies to an external issuer's tokens: at least one in common.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("aidline.dev-issuer.enabled")
public class DevIssuerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevIssuerConfiguration.class);

    DevIssuerConfiguration(Environment environment) {
        if (environment.matchesProfiles("prod")) {
            throw new IllegalStateException("The development issuer cannot run in the prod profile: configure "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri");
        }
    }

    @Bean
    DevSigningKey devSigningKey(DatabaseClient database) {
        return new DevSigningKey(database);
    }

    @Bean
    DevTokenIssuer devTokenIssuer(DevSigningKey key, DevIssuerProperties properties, OAuth2ResourceServerProperties resourceServer,
            Clock clock) {
        return new DevTokenIssuer(key, properties, resourceServer.getJwt().getAudiences(), clock);
    }

    @Bean
    ReactiveJwtDecoder devJwtDecoder(DevSigningKey key, DevIssuerProperties properties, OAuth2ResourceServerProperties resourceServer,
            JwtTimestampValidator timestamps) {
        List<String> audiences = List.copyOf(resourceServer.getJwt().getAudiences());
        if (audiences.isEmpty()) {
            // Without one, any token the development key ever signed would pass, whoever it was meant for.
            throw new IllegalStateException("The development issuer needs an audience: set spring.security.oauth2.resourceserver.jwt.audiences");
        }
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withJwkSource(token -> key.publicKeys().flatMapMany(keys -> Flux.fromIterable(keys.getKeys())))
                .build();
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.stream().anyMatch(audiences::contains));
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(List.of(new JwtIssuerValidator(properties.issuer()), audience, timestamps)));
        return decoder;
    }

    @EventListener(ApplicationReadyEvent.class)
    void explainTokens(ApplicationReadyEvent ready) {
        Environment environment = ready.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info("Development issuer on. Get a token for any role (CITIZEN, OPERATOR, COORDINATOR, SUPERVISOR, AUDITOR, MONITOR, REGISTRY_FEED):\n"
                + "  curl -s -X POST " + base + "/dev/token -H 'Content-Type: application/json' "
                + "-d '{\"sub\":\"citizen-1\",\"roles\":[\"CITIZEN\"]}'\n"
                + "  staff carry a region: -d '{\"sub\":\"op-1\",\"roles\":[\"OPERATOR\"],\"region\":\"640104\"}'\n"
                + "then send  Authorization: Bearer <access_token>.  Swagger UI: " + base + "/swagger-ui/index.html");
    }
}
