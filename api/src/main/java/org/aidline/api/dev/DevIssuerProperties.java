package org.aidline.api.dev;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development token issuer, on only when no external OAuth2 issuer is configured and the
 * {@code prod} profile is off (see {@code EmbeddedDefaults}). Its audience is not set here: its
 * tokens name, and its decoder requires, {@code spring.security.oauth2.resourceserver.jwt.audiences},
 * the same setting that an external issuer's tokens are checked against.
 */
@ConfigurationProperties("aidline.dev-issuer")
public record DevIssuerProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("http://localhost:8080/dev") String issuer,
        @DefaultValue("PT1H") Duration tokenLifetime) {
}
