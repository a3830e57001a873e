package org.aidline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.aidline.api.dev.DevIssuerProperties;
import org.aidline.api.dev.DevSigningKey;
import org.aidline.api.dev.DevTokenIssuer;
import org.aidline.api.support.IntegrationTest;
import org.aidline.intake.access.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Development tokens are checked like a real issuer's: signature, issuer, audience, expiry. */
@IntegrationTest
class TokenValidationIntegrationTests {

    @Autowired
    WebTestClient web;

    @Autowired
    DevSigningKey key;

    @Autowired
    DevIssuerProperties properties;

    @Autowired
    OAuth2ResourceServerProperties resourceServer;

    @Test
    void devTokenEndpointIssuesBearerTokensTheServiceAccepts() {
        web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"op-7\",\"roles\":[\"OPERATOR\"],\"region\":\"640104\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.token_type").isEqualTo("Bearer")
                .jsonPath("$.expires_in").isEqualTo(3600);
        String accessToken = web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"op-7\",\"roles\":[\"OPERATOR\"],\"region\":\"640104\"}")
                .exchange().expectBody(java.util.Map.class).returnResult().getResponseBody().get("access_token").toString();
        web.get().uri("/api/v1/me").header("Authorization", "Bearer " + accessToken).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.subject").isEqualTo("op-7").jsonPath("$.region").isEqualTo("640104");
    }

    @Test
    void devTokenRequestsAreValidated() {
        web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"op-7\",\"roles\":[\"OPERATOR\"]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("region");
        web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"x\",\"roles\":[\"KING\"]}")
                .exchange().expectStatus().isBadRequest();
        web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"roles\":[\"CITIZEN\"]}")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sub");
    }

    @Test
    void jwksPublishesOnlyThePublicKey() {
        web.get().uri("/dev/jwks.json").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.keys[0].kty").isEqualTo("RSA")
                .jsonPath("$.keys[0].n").exists()
                .jsonPath("$.keys[0].d").doesNotExist();
    }

    @Test
    void expiredTokensAreRefused() {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new DevTokenIssuer(key, properties, audiences(), twoHoursAgo).issue("c-1", List.of(Role.CITIZEN), null).block().accessToken();
        me(token).expectStatus().isUnauthorized();
    }

    @Test
    void tokensForAnotherAudienceAreRefused() {
        String token = new DevTokenIssuer(key, properties, List.of("another-service"), Clock.systemUTC())
                .issue("c-1", List.of(Role.CITIZEN), null).block().accessToken();
        me(token).expectStatus().isUnauthorized();
    }

    @Test
    void tokensFromAnotherIssuerAreRefused() {
        DevIssuerProperties otherIssuer = new DevIssuerProperties(true, "https://evil.example", Duration.ofHours(1));
        String token = new DevTokenIssuer(key, otherIssuer, audiences(), Clock.systemUTC()).issue("c-1", List.of(Role.CITIZEN), null).block().accessToken();
        me(token).expectStatus().isUnauthorized();
    }

    @Test
    void tokensSignedWithAnotherKeyAreRefused() throws Exception {
        RSAKey forged = new RSAKeyGenerator(2048).keyID("aidline-dev").generate();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(properties.issuer()).audience(audiences())
                .subject("c-1").issuedAt(now).expiresAt(now.plusSeconds(600)).claim("roles", List.of("CITIZEN")).build();
        String token = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(forged)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).keyId("aidline-dev").build(), claims))
                .getTokenValue();
        me(token).expectStatus().isUnauthorized().expectBody().jsonPath("$.type").isEqualTo("/problems/unauthenticated");
    }

    /** The default configuration names the service's audience, which development tokens carry like a real issuer's. */
    @Test
    void theDefaultAudienceIsTheServicesOwnAndDevelopmentTokensCarryIt() throws Exception {
        assertThat(resourceServer.getJwt().getAudiences()).containsExactly("aidline");
        String token = web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"c-1\",\"roles\":[\"CITIZEN\"]}")
                .exchange().expectBody(java.util.Map.class).returnResult().getResponseBody().get("access_token").toString();
        assertThat(SignedJWT.parse(token).getJWTClaimsSet().getAudience()).containsExactly("aidline");
    }

    private List<String> audiences() {
        return resourceServer.getJwt().getAudiences();
    }

    WebTestClient.ResponseSpec me(String token) {
        return web.get().uri("/api/v1/me").header("Authorization", "Bearer " + token).exchange();
    }
}
