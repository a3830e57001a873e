package org.aidline.api.outbound;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Aidline proves who it is to one outside endpoint: an OAuth2 access token obtained with
 * client credentials, a client certificate (mutual TLS, from an SSL bundle), both, or neither.
 *
 * @param oauth2 the client credentials; none: requests carry no token
 * @param sslBundle the name of a {@code spring.ssl.bundle.*} with the client certificate and key
 *     and the endpoint's CA; none: the JRE's trust store and no client certificate
 */
public record EndpointSecurity(@Nullable OAuth2Client oauth2, @Nullable String sslBundle) {

    /** Neither a token nor a client certificate: the embedded default and development. */
    public static final EndpointSecurity NONE = new EndpointSecurity(null, null);

    public EndpointSecurity {
        sslBundle = sslBundle == null || sslBundle.isBlank() ? null : sslBundle;
    }

    /** Whether the endpoint is told who calls it, by a token or a certificate. */
    public boolean isConfigured() {
        return oauth2 != null || sslBundle != null;
    }

    /**
     * A client of the endpoint's authorization server, granted tokens with client credentials.
     *
     * @param tokenUri the token endpoint
     * @param scopes the scopes asked for; none: the server's default for the client
     * @param audience sent as the token request's {@code audience} parameter where the server wants one
     * @param authenticationMethod how the client authenticates at the token endpoint
     * @param sslBundle an SSL bundle for the token endpoint itself (a private CA, or a client certificate)
     */
    public record OAuth2Client(
            @Nullable URI tokenUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @DefaultValue List<String> scopes,
            @Nullable String audience,
            @DefaultValue("client_secret_basic") String authenticationMethod,
            @Nullable String sslBundle) {

        private static final Set<String> METHODS = Set.of("client_secret_basic", "client_secret_post");

        public OAuth2Client {
            // A half-configured client would send requests the endpoint refuses: better not to start.
            if (tokenUri == null || clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("OAuth2 client credentials need a token-uri, a client-id and a client-secret");
            }
            if (!METHODS.contains(authenticationMethod)) {
                throw new IllegalArgumentException("authentication-method is one of " + METHODS + ", not " + authenticationMethod);
            }
            scopes = List.copyOf(scopes);
            audience = audience == null || audience.isBlank() ? null : audience;
            sslBundle = sslBundle == null || sslBundle.isBlank() ? null : sslBundle;
        }

        @Override
        public String toString() {
            // Never the secret: properties end up in logs and failure analyses.
            return "OAuth2Client[tokenUri=" + tokenUri + ", clientId=" + clientId + ", scopes=" + scopes + "]";
        }
    }
}
