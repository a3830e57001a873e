package org.aidline.api.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/**
 * The outside world of an authenticated endpoint, played by WireMock: an authorization server whose
 * token endpoint hands out the given tokens in turn, and an endpoint that serves only requests
 * bearing a token it accepts and answers 401 to anything else.
 */
public final class AuthorizationServer {

    public static final String TOKEN_PATH = "/oauth2/token";

    private AuthorizationServer() {
    }

    /** The token endpoint gives these tokens, one per request, in order, each valid for the given seconds; then no more. */
    public static void issues(WireMockExtension server, int expiresInSeconds, String... tokens) {
        for (int i = 0; i < tokens.length; i++) {
            server.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "issued " + i)
                    .willSetStateTo("issued " + (i + 1))
                    .willReturn(okJson("{\"access_token\":\"" + tokens[i] + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                            + expiresInSeconds + "}")));
        }
    }

    /** The token endpoint fails (503) until the returned stub is removed. */
    public static StubMapping down(WireMockExtension server) {
        return server.stubFor(post(urlEqualTo(TOKEN_PATH)).atPriority(1).willReturn(aResponse().withStatus(503)));
    }

    public static List<LoggedRequest> tokenRequests(WireMockExtension server) {
        return server.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    /** The endpoint gives this answer to POSTs to the path for these tokens only; anything else gets 401. */
    public static void acceptsOnly(WireMockExtension endpoint, String pathRegex, ResponseDefinitionBuilder answer, String... tokens) {
        for (String token : tokens) {
            endpoint.stubFor(post(urlMatching(pathRegex)).atPriority(5)
                    .withHeader("Authorization", equalTo("Bearer " + token))
                    .willReturn(answer));
        }
        endpoint.stubFor(post(urlMatching(pathRegex)).atPriority(9)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));
    }
}
