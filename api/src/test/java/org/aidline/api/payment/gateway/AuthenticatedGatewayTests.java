package org.aidline.api.payment.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.outbound.OutboundClients;
import org.aidline.api.payment.FakeBank;
import org.aidline.api.support.SettableClock;
import org.aidline.intake.PaymentsProperties;
import org.aidline.intake.money.Money;
import org.aidline.intake.payment.Disbursement;
import org.aidline.intake.payment.GatewayOutcome;
import org.aidline.intake.payment.PaymentGateway;
import org.aidline.intake.payment.PaymentKind;
import org.aidline.registry.PayoutsProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.mock.env.MockEnvironment;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank gateway with G2P Connect's bearer tokens: the gateway wired as the application wires it,
 * from properties, against an authorization server and a bank (WireMock) that serves only requests
 * with a token it accepts. Payments go out with the token, which is reused until it expires; a
 * revoked token is replaced and the call sent again, paying once; without a token nothing is sent.
 */
class AuthenticatedGatewayTests {

    static final FakeBank bank = new FakeBank();

    @RegisterExtension
    static WireMockExtension gatewayServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().extensions(bank)).build();

    @RegisterExtension
    static WireMockExtension authorizationServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final SettableClock clock = new SettableClock();

    @Test
    void paymentsCarryTheTokenWhichIsReusedUntilItExpiresAndThenFetchedAgain() {
        issues(authorizationServer, 300, "first", "second");
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), "first", "second");
        PaymentGateway gateway = gateway(credentials());

        Disbursement one = disbursement();
        Disbursement two = disbursement();
        StepVerifier.create(gateway.disburse(one)).expectNext(GatewayOutcome.paid()).verifyComplete();
        StepVerifier.create(gateway.disburse(two)).expectNext(GatewayOutcome.paid()).verifyComplete();
        assertThat(tokenRequests(authorizationServer)).as("one token for both calls").hasSize(1);
        assertThat(bearerOf(one)).containsExactly("Bearer first");
        assertThat(bearerOf(two)).containsExactly("Bearer first");
        LoggedRequest tokenRequest = tokenRequests(authorizationServer).get(0);
        assertThat(tokenRequest.getBodyAsString()).contains("grant_type=client_credentials", "scope=disburse", "audience=g2p-bank");
        assertThat(tokenRequest.getHeader("Authorization")).as("client_secret_basic").startsWith("Basic ");

        // Within the last minute of its five: renewed before the bank could refuse it.
        clock.set(clock.instant().plus(Duration.ofSeconds(290)));
        Disbursement three = disbursement();
        StepVerifier.create(gateway.disburse(three)).expectNext(GatewayOutcome.paid()).verifyComplete();
        assertThat(tokenRequests(authorizationServer)).hasSize(2);
        assertThat(bearerOf(three)).containsExactly("Bearer second");
        assertThat(gatewayServer.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", absent()))).isEmpty();
    }

    @Test
    void callsThatNeedATokenAtTheSameMomentShareOneTokenRequest() {
        issues(authorizationServer, 300, "shared", "second", "third", "fourth");
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), "shared", "second", "third", "fourth");
        PaymentGateway gateway = gateway(credentials());
        List<Disbursement> disbursements = List.of(disbursement(), disbursement(), disbursement(), disbursement());

        StepVerifier.create(Flux.fromIterable(disbursements).flatMap(gateway::disburse))
                .expectNextCount(4).verifyComplete();

        assertThat(tokenRequests(authorizationServer)).hasSize(1);
        disbursements.forEach(disbursement -> assertThat(bearerOf(disbursement)).containsExactly("Bearer shared"));
    }

    @Test
    void aRevokedTokenIsReplacedAndTheCallSentAgainOnceAndPaidOnce() {
        issues(authorizationServer, 300, "revoked", "fresh");
        // The bank no longer accepts the first token (revoked on its side before it expired).
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), "fresh");
        PaymentGateway gateway = gateway(credentials());

        Disbursement disbursement = disbursement();
        StepVerifier.create(gateway.disburse(disbursement)).expectNext(GatewayOutcome.paid()).verifyComplete();

        assertThat(bearerOf(disbursement)).containsExactly("Bearer revoked", "Bearer fresh");
        assertThat(tokenRequests(authorizationServer)).hasSize(2);
        assertThat(bank.disbursed(disbursement.referenceId()).paid()).hasValue(1);
        assertThat(bank.paidTwice()).isEmpty();

        // The fresh token is the one kept: the next payment needs no new one.
        Disbursement next = disbursement();
        StepVerifier.create(gateway.disburse(next)).expectNext(GatewayOutcome.paid()).verifyComplete();
        assertThat(bearerOf(next)).containsExactly("Bearer fresh");
        assertThat(tokenRequests(authorizationServer)).hasSize(2);
    }

    @Test
    void aTokenRefusedEvenWhenFreshIsRetriedOnlyOnceAndLeftForLater() {
        issues(authorizationServer, 300, "one", "two", "three");
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), "none-of-them");
        PaymentGateway gateway = gateway(credentials());

        Disbursement disbursement = disbursement();
        StepVerifier.create(gateway.disburse(disbursement))
                .assertNext(outcome -> {
                    assertThat(outcome.kind()).isEqualTo(GatewayOutcome.Kind.TRANSIENT);
                    assertThat(outcome.detail()).contains("HTTP 401");
                })
                .verifyComplete();
        assertThat(bearerOf(disbursement)).containsExactly("Bearer one", "Bearer two");
    }

    @Test
    void withTheTokenEndpointDownNothingReachesTheBankAndThePaymentWaits() {
        issues(authorizationServer, 300, "late");
        var outage = down(authorizationServer);
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), "late");
        PaymentGateway gateway = gateway(credentials());

        Disbursement disbursement = disbursement();
        StepVerifier.create(gateway.disburse(disbursement))
                .assertNext(outcome -> {
                    assertThat(outcome.kind()).isEqualTo(GatewayOutcome.Kind.TRANSIENT);
                    assertThat(outcome.detail()).startsWith("no access token for the gateway");
                })
                .verifyComplete();
        StepVerifier.create(gateway.disburseAll(List.of(disbursement(), disbursement())))
                .assertNext(outcomes -> assertThat(outcomes).extracting(GatewayOutcome::kind)
                        .containsExactly(GatewayOutcome.Kind.TRANSIENT, GatewayOutcome.Kind.TRANSIENT))
                .verifyComplete();
        assertThat(tokenRequests(authorizationServer)).isNotEmpty();
        assertThat(gatewayServer.findAll(anyRequestedFor(anyUrl()))).as("requests at the bank").isEmpty();

        authorizationServer.removeStub(outage);
        StepVerifier.create(gateway.disburse(disbursement)).expectNext(GatewayOutcome.paid()).verifyComplete();
        assertThat(bearerOf(disbursement)).containsExactly("Bearer late");
        assertThat(bank.disbursed(disbursement.referenceId()).paid()).hasValue(1);
    }

    @Test
    void theRegistrysBulkMessagesAndStatusQueriesCarryTheTokenToo() {
        issues(authorizationServer, 300, "revoked", "bulk");
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), "bulk");
        PaymentGateway gateway = gateway(credentials());

        // FakeBank pays the first disbursement of a message: one is enough to see the token and the retry.
        Disbursement disbursement = disbursement();
        StepVerifier.create(gateway.disburseAll(List.of(disbursement)))
                .expectNext(List.of(GatewayOutcome.paid())).verifyComplete();
        StepVerifier.create(gateway.statusAll(List.of(disbursement.referenceId())))
                .expectNext(List.of(GatewayOutcome.paid())).verifyComplete();

        assertThat(bearerOf(disbursement)).containsExactly("Bearer revoked", "Bearer bulk");
        assertThat(gatewayServer.findAll(postRequestedFor(urlEqualTo("/disburse/sync/txn/status"))))
                .extracting(request -> request.getHeader("Authorization")).containsExactly("Bearer bulk");
        assertThat(bank.disbursed(disbursement.referenceId()).paid()).hasValue(1);
    }

    @Test
    void withoutCredentialsTheGatewayIsCalledAsBefore() {
        acceptsOnly(gatewayServer, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME));
        gatewayServer.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/disburse/sync/disburse"))
                .withHeader("Authorization", absent()).atPriority(1).willReturn(aResponse().withTransformers(FakeBank.NAME)));
        PaymentGateway gateway = gateway(Map.of());

        Disbursement disbursement = disbursement();
        StepVerifier.create(gateway.disburse(disbursement)).expectNext(GatewayOutcome.paid()).verifyComplete();
        assertThat(tokenRequests(authorizationServer)).isEmpty();
    }

    @Test
    void productionRefusesToPayThroughABankWithoutCredentials() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");

        assertThatThrownBy(() -> gateway(Map.of(), production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aidline.payments.gateway.security.oauth2");
        assertThat(gateway(credentials(), production)).isInstanceOf(G2pConnectGateway.class);
    }

    @Test
    void productionWithoutABankRefusesToStartWhileTheRegistryStillPays() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("prod");
        Map<String, String> grantsOff = Map.of("aidline.payments.enabled", "false");

        // Payrolls and campaigns go through the same gateway: the logging stand-in would report them paid.
        assertThatThrownBy(() -> gatewayWithoutBank(grantsOff, production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aidline.registry.payouts.enabled=false");
        assertThat(gatewayWithoutBank(Map.of("aidline.payments.enabled", "false", "aidline.registry.payouts.enabled", "false"),
                production)).isInstanceOf(LoggingPaymentGateway.class);
    }

    @Test
    void halfConfiguredCredentialsStopTheStart() {
        assertThatThrownBy(() -> gateway(Map.of("aidline.payments.gateway.security.oauth2.client-id", "aidline")))
                .hasRootCauseMessage("OAuth2 client credentials need a token-uri, a client-id and a client-secret");
    }

    private Map<String, String> credentials() {
        return Map.of(
                "aidline.payments.gateway.security.oauth2.token-uri", authorizationServer.baseUrl() + "/oauth2/token",
                "aidline.payments.gateway.security.oauth2.client-id", "aidline",
                "aidline.payments.gateway.security.oauth2.client-secret", "test-only-secret",
                "aidline.payments.gateway.security.oauth2.scopes", "disburse,txn-status",
                "aidline.payments.gateway.security.oauth2.audience", "g2p-bank");
    }

    private PaymentGateway gateway(Map<String, String> security) {
        return gateway(security, new MockEnvironment());
    }

    /** As PaymentGatewayConfiguration makes it from these properties. */
    private PaymentGateway gateway(Map<String, String> security, MockEnvironment environment) {
        Map<String, String> properties = new HashMap<>(security);
        properties.put("aidline.payments.gateway.base-url", gatewayServer.baseUrl());
        properties.put("aidline.payments.gateway.connect-timeout", "1s");
        properties.put("aidline.payments.gateway.response-timeout", "3s");
        return gateway(new Binder(new MapConfigurationPropertySource(properties)), environment);
    }

    /** No base URL at all: the embedded default's logging stand-in, where allowed. */
    private PaymentGateway gatewayWithoutBank(Map<String, String> properties, MockEnvironment environment) {
        return gateway(new Binder(new MapConfigurationPropertySource(properties)), environment);
    }

    private PaymentGateway gateway(Binder binder, MockEnvironment environment) {
        return new PaymentGatewayConfiguration().paymentGateway(
                binder.bindOrCreate("aidline.payments", PaymentsProperties.class),
                binder.bindOrCreate("aidline.payments.gateway.security", GatewaySecurityProperties.class),
                new OutboundClients(new DefaultSslBundleRegistry(), clock),
                binder.bindOrCreate("aidline.registry.payouts", PayoutsProperties.class),
                JsonMapper.builder().build(), clock, environment, CircuitBreakerRegistry.ofDefaults());
    }

    private static Disbursement disbursement() {
        return new Disbursement("ref-" + UUID.randomUUID(), "treasury-640104@aidline", "token:" + UUID.randomUUID() + "@aidline",
                Money.ofFen(240000), PaymentKind.PROGRAMME);
    }

    /** The Authorization header of each disburse request about this disbursement, in order. */
    private static List<String> bearerOf(Disbursement disbursement) {
        return gatewayServer.findAll(postRequestedFor(urlEqualTo("/disburse/sync/disburse"))).stream()
                .filter(request -> request.getBodyAsString().contains(disbursement.referenceId()))
                .map(request -> request.getHeader("Authorization"))
                .toList();
    }
}
