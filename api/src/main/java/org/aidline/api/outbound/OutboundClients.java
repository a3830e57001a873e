package org.aidline.api.outbound;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.security.oauth2.client.AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the WebClient of an outside endpoint: its timeouts, its client certificate (a Reactor
 * Netty connector from the endpoint's SSL bundle) and its bearer tokens (client credentials,
 * cached and renewed by Spring Security's authorized-client manager for service contexts).
 * Redirects are never followed: a token or a payment must not be carried to another address.
 */
public class OutboundClients {

    private final SslBundles sslBundles;
    private final Clock clock;

    public OutboundClients(SslBundles sslBundles, Clock clock) {
        this.sslBundles = sslBundles;
        this.clock = clock;
    }

    /**
     * A builder for the named endpoint's client; the caller adds codecs and builds it.
     *
     * @param endpoint a name for logs and the token cache, e.g. {@code payment-gateway}
     */
    public WebClient.Builder builder(String endpoint, String baseUrl, Duration connectTimeout, Duration responseTimeout,
            EndpointSecurity security) {
        if (security.sslBundle() != null && !baseUrl.startsWith("https://")) {
            // The certificate would silently never be presented.
            throw new IllegalStateException(endpoint + " has a client certificate (SSL bundle " + security.sslBundle()
                    + ") but a base URL without https: " + baseUrl);
        }
        WebClient.Builder builder = WebClient.builder()
                .baseUrl(baseUrl)
                .clientConnector(connector(security.sslBundle(), connectTimeout, responseTimeout));
        if (security.oauth2() != null) {
            builder.filter(bearerTokens(endpoint, security.oauth2(), connectTimeout, responseTimeout));
        }
        return builder;
    }

    private ClientHttpConnector connector(@Nullable String sslBundle, Duration connectTimeout, Duration responseTimeout) {
        HttpClientSettings settings = HttpClientSettings.defaults()
                .withTimeouts(connectTimeout, responseTimeout)
                .withRedirects(HttpRedirects.DONT_FOLLOW);
        if (sslBundle != null) {
            // An unknown bundle name fails here, at start-up.
            settings = settings.withSslBundle(sslBundles.getBundle(sslBundle));
        }
        return ClientHttpConnectorBuilder.reactor().build(settings);
    }

    private BearerTokens bearerTokens(String endpoint, EndpointSecurity.OAuth2Client client, Duration connectTimeout,
            Duration responseTimeout) {
        ClientRegistration registration = ClientRegistration.withRegistrationId(endpoint)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(new ClientAuthenticationMethod(client.authenticationMethod()))
                .scope(client.scopes())
                .tokenUri(String.valueOf(client.tokenUri()))
                .build();
        InMemoryReactiveClientRegistrationRepository registrations = new InMemoryReactiveClientRegistrationRepository(registration);
        InMemoryReactiveOAuth2AuthorizedClientService authorizedClients = new InMemoryReactiveOAuth2AuthorizedClientService(registrations);

        WebClientReactiveClientCredentialsTokenResponseClient tokenEndpoint = new WebClientReactiveClientCredentialsTokenResponseClient();
        // The token endpoint within the same timeouts as the call it serves (the default client waits forever).
        tokenEndpoint.setWebClient(WebClient.builder().clientConnector(connector(client.sslBundle(), connectTimeout, responseTimeout)).build());
        if (client.audience() != null) {
            MultiValueMap<String, String> audience = new LinkedMultiValueMap<>();
            audience.add("audience", client.audience());
            tokenEndpoint.addParametersConverter(grant -> audience);
        }
        ClientCredentialsReactiveOAuth2AuthorizedClientProvider provider = new ClientCredentialsReactiveOAuth2AuthorizedClientProvider();
        provider.setAccessTokenResponseClient(tokenEndpoint);
        // A token is renewed a minute before it expires (the provider's default skew), by the service's clock.
        provider.setClock(clock);

        AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceReactiveOAuth2AuthorizedClientManager(registrations, authorizedClients);
        manager.setAuthorizedClientProvider(provider);
        return new BearerTokens(endpoint, manager, authorizedClients);
    }
}
