package org.aidline.api.outbound;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;
import reactor.core.publisher.Mono;

/**
 * Puts the endpoint's access token on every request; after a 401 it forgets that token, gets a
 * fresh one and sends the request again, once. A request never leaves without a token.
 *
 * <p>Spring Security's own {@code ServerOAuth2AuthorizedClientExchangeFilterFunction} sends the
 * request unauthenticated when no authorized client comes back, and takes its principal from the
 * security context of whichever HTTP request led to the call (a citizen's, say), caching one token
 * per caller; this filter asks the manager for the service's own token, always the same principal.
 */
final class BearerTokens implements ExchangeFilterFunction {

    /** Tokens belong to the service itself, not to whoever's request led to the call. */
    static final String PRINCIPAL = "aidline";

    private final String endpoint;
    private final ReactiveOAuth2AuthorizedClientManager manager;
    private final ReactiveOAuth2AuthorizedClientService authorizedClients;
    private final AtomicReference<@Nullable Mono<String>> pending = new AtomicReference<>();

    BearerTokens(String endpoint, ReactiveOAuth2AuthorizedClientManager manager, ReactiveOAuth2AuthorizedClientService authorizedClients) {
        this.endpoint = endpoint;
        this.manager = manager;
        this.authorizedClients = authorizedClients;
    }

    @Override
    public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
        return token().flatMap(token -> next.exchange(withToken(request, token)).flatMap(response -> {
            if (response.statusCode().value() != HttpStatus.UNAUTHORIZED.value()) {
                return Mono.just(response);
            }
            // Revoked, or expired before its time. A 401 means the endpoint refused the request before acting
            // on it, so it goes again unchanged (the bank would refuse a reference it holds in any case).
            return response.releaseBody()
                    .then(forget(token))
                    .then(token())
                    .flatMap(fresh -> next.exchange(withToken(request, fresh)));
        }));
    }

    /**
     * The cached token while it is valid, else a new one from the token endpoint; an error if none
     * can be had. Calls that need a token at the same moment (a dispatcher round sends many) share
     * one request to the token endpoint instead of each asking for its own.
     */
    private Mono<String> token() {
        return Mono.defer(() -> {
            Mono<String> shared = pending.get();
            if (shared != null) {
                return shared;
            }
            AtomicReference<@Nullable Mono<String>> self = new AtomicReference<>();
            Mono<String> fetch = authorize().doFinally(signal -> pending.compareAndSet(self.get(), null)).cache();
            self.set(fetch);
            if (pending.compareAndSet(null, fetch)) {
                return fetch;
            }
            Mono<String> other = pending.get();
            return other != null ? other : fetch;
        });
    }

    private Mono<String> authorize() {
        return manager.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(endpoint).principal(PRINCIPAL).build())
                .map(client -> client.getAccessToken().getTokenValue())
                .switchIfEmpty(Mono.error(() -> new AccessTokenUnavailableException(endpoint, null)))
                .onErrorMap(failure -> !(failure instanceof AccessTokenUnavailableException),
                        failure -> new AccessTokenUnavailableException(endpoint, failure));
    }

    /** Drops the refused token, unless a concurrent call already replaced it with a fresh one. */
    private Mono<Void> forget(String refused) {
        return authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient(endpoint, PRINCIPAL)
                .filter(client -> client.getAccessToken().getTokenValue().equals(refused))
                .flatMap(client -> authorizedClients.removeAuthorizedClient(endpoint, PRINCIPAL));
    }

    private static ClientRequest withToken(ClientRequest request, String token) {
        return ClientRequest.from(request).headers(headers -> headers.setBearerAuth(token)).build();
    }
}
