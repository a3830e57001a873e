package org.aidline.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bearer tokens are checked beyond signature, issuer and audience. {@code clockSkew}: how long
 * past its {@code exp} (and before its {@code nbf}) a token is still taken, for clocks that
 * disagree; Spring Security's 60 s unless set.
 */
@ConfigurationProperties("aidline.security.tokens")
public record TokenProperties(@DefaultValue("60s") Duration clockSkew) {

    public TokenProperties {
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("aidline.security.tokens.clock-skew cannot be negative");
        }
    }
}
