package org.aidline.api.dev;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import reactor.core.publisher.Mono;

/** Signs development tokens shaped like those of a real issuer: iss, aud, sub, iat, exp, roles, region. */
public class DevTokenIssuer {

    private final DevSigningKey signingKey;
    private final DevIssuerProperties properties;
    private final List<String> audiences;
    private final Clock clock;

    /** {@code audiences}: what the tokens name in {@code aud}, as a real issuer's name the service they are meant for. */
    public DevTokenIssuer(DevSigningKey signingKey, DevIssuerProperties properties, List<String> audiences, Clock clock) {
        if (audiences.isEmpty()) {
            throw new IllegalArgumentException("Development tokens need an audience: set spring.security.oauth2.resourceserver.jwt.audiences");
        }
        this.signingKey = signingKey;
        this.properties = properties;
        this.audiences = List.copyOf(audiences);
        this.clock = clock;
    }

    public Mono<DevToken> issue(String subject, List<Role> roles, @Nullable String region) {
        return issue(subject, roles, region, null);
    }

    /** {@code partner}: the code a PARTNER token answers referrals for. */
    public Mono<DevToken> issue(String subject, List<Role> roles, @Nullable String region, @Nullable String partner) {
        return signingKey.key().map(key -> {
            Instant now = clock.instant();
            JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                    .issuer(properties.issuer())
                    .audience(audiences)
                    .subject(subject)
                    .issuedAt(now)
                    .notBefore(now)
                    .expiresAt(now.plus(properties.tokenLifetime()))
                    .claim(Actors.ROLES_CLAIM, roles.stream().map(Role::name).distinct().toList());
            if (region != null) {
                claims.claim(Actors.REGION_CLAIM, region);
            }
            if (partner != null) {
                claims.claim(Actors.PARTNER_CLAIM, partner);
            }
            NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
            JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
            String token = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
            return new DevToken(token, "Bearer", properties.tokenLifetime().toSeconds());
        });
    }
}
