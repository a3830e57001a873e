package org.aidline.notification.provider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * OAuth2 access tokens for FCM from a Google service account: a JWT signed with the account's
 * key is exchanged at its token URI (RFC 7523). A token is reused until a minute before it ends;
 * each instance keeps its own, which is only a credential, never shared state.
 */
public class FcmServiceAccount {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration MARGIN = Duration.ofMinutes(1);

    private final String clientEmail;
    private final RSASSASigner signer;
    private final String tokenUri;
    private final WebClient http;
    private final Clock clock;
    private volatile Mono<String> token;

    public FcmServiceAccount(String clientEmail, String privateKeyPem, String tokenUri, WebClient http, Clock clock) {
        this.clientEmail = clientEmail;
        this.tokenUri = tokenUri;
        this.http = http;
        this.clock = clock;
        this.signer = new RSASSASigner(privateKey(privateKeyPem));
        this.token = fetch();
    }

    /** A valid access token, fetched once and shared by concurrent sends until it nears its end. */
    public Mono<String> accessToken() {
        return token;
    }

    /** FCM answered 401: the token was revoked or rotated; the next send fetches another. */
    public void forget() {
        token = fetch();
    }

    private Mono<String> fetch() {
        return Mono.defer(this::exchange)
                .cache(granted -> granted.lifetime().minus(MARGIN).isNegative() ? Duration.ZERO : granted.lifetime().minus(MARGIN),
                        failure -> Duration.ZERO, () -> Duration.ZERO)
                .map(Granted::accessToken);
    }

    private Mono<Granted> exchange() {
        return http.post().uri(tokenUri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
                        .with("assertion", assertion()))
                .retrieve()
                .bodyToMono(Map.class)
                .map(body -> new Granted(String.valueOf(body.get("access_token")),
                        Duration.ofSeconds(body.get("expires_in") instanceof Number seconds ? seconds.longValue() : 3600)));
    }

    private String assertion() {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientEmail)
                .audience(tokenUri)
                .claim("scope", SCOPE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign the FCM token request", e);
        }
        return jwt.serialize();
    }

    /** Google's service-account keys are PKCS#8 in PEM ("BEGIN PRIVATE KEY"); the JDK reads them without a provider. */
    static PrivateKey privateKey(String pem) {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replace("\\n", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("The FCM service account's private key is not an RSA key in PKCS#8 PEM", e);
        }
    }

    private record Granted(String accessToken, Duration lifetime) {
    }
}
