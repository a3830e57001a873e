package org.aidline.api.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.aidline.api.outbound.AuthorizationServer.acceptsOnly;
import static org.aidline.api.outbound.AuthorizationServer.down;
import static org.aidline.api.outbound.AuthorizationServer.issues;
import static org.aidline.api.outbound.AuthorizationServer.tokenRequests;
import static org.aidline.api.support.RegistryAnswers.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.outbound.OutboundClients;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.SettableClock;
import org.aidline.intake.report.ResidentId;
import org.aidline.intake.verification.Registry;
import org.aidline.intake.verification.RegistryAnswer;
import org.aidline.intake.verification.RegistrySearch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.mock.env.MockEnvironment;
import reactor.test.StepVerifier;

/**
 * An SPDCI registry with bearer tokens, wired from properties as the application wires it: the
 * search carries the token, a revoked one is replaced and the search sent again, and without a
 * token no search (with its resident ID number) leaves at all.
 */
class AuthenticatedRegistryTests {

    @RegisterExtension
    static WireMockExtension deposits = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @RegisterExtension
    static WireMockExtension authorizationServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final SettableClock clock = new SettableClock();

    @Test
    void aSearchCarriesTheTokenAndARevokedOneIsReplacedOnce() {
        issues(authorizationServer, 300, "revoked", "fresh");
        acceptsOnly(deposits, "/registry/sync/search", answer("succ", "[]"), "fresh");
        Registry registry = registry(credentials());

        StepVerifier.create(registry.search(search())).expectNext(new RegistryAnswer.NothingFound()).verifyComplete();
        StepVerifier.create(registry.search(search())).expectNext(new RegistryAnswer.NothingFound()).verifyComplete();

        assertThat(deposits.findAll(postRequestedFor(urlEqualTo("/registry/sync/search"))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer revoked", "Bearer fresh", "Bearer fresh");
        assertThat(tokenRequests(authorizationServer)).hasSize(2);
        assertThat(tokenRequests(authorizationServer).get(0).getBodyAsString()).contains("scope=deposits.search");
    }

    @Test
    void withTheTokenEndpointDownNoSearchLeavesAndTheAnswerIsNotYet() {
        down(authorizationServer);
        acceptsOnly(deposits, "/registry/sync/search", answer("succ", "[]"));
        Registry registry = registry(credentials());

        StepVerifier.create(registry.search(search()))
                .assertNext(answer -> assertThat(answer).isInstanceOf(RegistryAnswer.NotYet.class))
                .verifyComplete();
        assertThat(deposits.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(deposits.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", absent()))).isEmpty();
    }

    @Test
    void productionRefusesARegistryWithoutCredentials() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> registries(Map.of(), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Registry deposits needs credentials in production");
        assertThat(registries(credentials(), production).byName()).containsKey("deposits");
    }

    private Map<String, String> credentials() {
        return Map.of(
                "aidline.verification.registries[0].security.oauth2.token-uri", authorizationServer.baseUrl() + "/oauth2/token",
                "aidline.verification.registries[0].security.oauth2.client-id", "aidline",
                "aidline.verification.registries[0].security.oauth2.client-secret", "test-only-secret",
                "aidline.verification.registries[0].security.oauth2.scopes", "deposits.search");
    }

    private Registry registry(Map<String, String> security) {
        return registries(security, new MockEnvironment()).byName().get("deposits");
    }

    private org.aidline.intake.verification.Registries registries(Map<String, String> security, MockEnvironment environment) {
        Map<String, String> properties = new HashMap<>(security);
        properties.put("aidline.verification.registries[0].name", "deposits");
        properties.put("aidline.verification.registries[0].base-url", deposits.baseUrl());
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return new VerificationConfiguration().registries(binder.bindOrCreate("aidline.verification", VerificationProperties.class),
                new OutboundClients(new DefaultSslBundleRegistry(), clock), clock, environment);
    }

    private static RegistrySearch search() {
        return new RegistrySearch(UUID.randomUUID(), "deposits", new ResidentId(SampleReports.newIdNumber()));
    }
}
