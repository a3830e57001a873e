package org.aidline.api.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.aidline.api.outbound.AuthorizationServer.acceptsOnly;
import static org.aidline.api.outbound.AuthorizationServer.down;
import static org.aidline.api.outbound.AuthorizationServer.issues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.MutualTlsBank;
import org.aidline.api.support.SampleReports;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Paying out as production does: the bank (WireMock over HTTPS) demands the client certificate of
 * the SSL bundle configured in {@code spring.ssl.bundle.pem.bank} and a bearer token from the
 * authorization server (WireMock). A revoked token costs one more request within the same
 * attempt (AuthenticatedGatewayTests shows it step by step), and the grant is paid once; while no token can be had, nothing reaches the bank and the
 * payment waits for the dispatcher's next attempt. Closed after these tests, as the other
 * dispatching context, so that its dispatcher does not outlive WireMock.
 */
@IntegrationTest
@Import(PayoutFixture.class)
@DirtiesContext
class AuthenticatedPayoutIntegrationTests {

    static final FakeBank bank = new FakeBank();

    @RegisterExtension
    static WireMockExtension gateway = WireMockExtension.newInstance().options(MutualTlsBank.server(bank))
            .build();

    @RegisterExtension
    static WireMockExtension authorizationServer = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void payingThroughAnAuthenticatedBank(DynamicPropertyRegistry registry) {
        Map.ofEntries(
                Map.entry("aidline.payments.enabled", "true"),
                Map.entry("aidline.payments.gateway.base-url", gateway.getRuntimeInfo().getHttpsBaseUrl()),
                Map.entry("aidline.payments.gateway.connect-timeout", "1s"),
                Map.entry("aidline.payments.gateway.response-timeout", "2s"),
                // Not the subject here: the breaker stays shut however many attempts fail for want of a token.
                Map.entry("aidline.payments.gateway.breaker.minimum-calls", "100000"),
                Map.entry("aidline.payments.lease", "10s"),
                Map.entry("aidline.payments.retry.base", "100ms"),
                Map.entry("aidline.payments.retry.max", "1s"),
                Map.entry("aidline.payments.poll-interval", "300ms"),
                Map.entry("spring.ssl.bundle.pem.bank.keystore.certificate", "classpath:outbound-tls/test-client.crt"),
                Map.entry("spring.ssl.bundle.pem.bank.keystore.private-key", "classpath:outbound-tls/test-client.key"),
                Map.entry("spring.ssl.bundle.pem.bank.truststore.certificate", "classpath:outbound-tls/test-ca.crt"),
                Map.entry("aidline.payments.gateway.security.ssl-bundle", "bank"),
                Map.entry("aidline.payments.gateway.security.oauth2.token-uri", authorizationServer.baseUrl() + "/oauth2/token"),
                Map.entry("aidline.payments.gateway.security.oauth2.client-id", "aidline"),
                Map.entry("aidline.payments.gateway.security.oauth2.client-secret", "test-only-secret"),
                Map.entry("aidline.payments.gateway.security.oauth2.scopes", "disburse"))
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    PayoutFixture payouts;

    @Autowired
    Tokens tokens;

    /** Tokens of this test only: whatever an earlier test left in the cache, the bank refuses. */
    List<String> issued;

    @BeforeEach
    void theBankAcceptsThisTestsTokens() {
        String test = UUID.randomUUID().toString();
        issued = List.of(test + "-1", test + "-2", test + "-3", test + "-4");
        issues(authorizationServer, 300, issued.toArray(String[]::new));
        acceptsOnly(gateway, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME), issued.toArray(String[]::new));
    }

    @Test
    void aTokenRevokedByTheBankIsReplacedAndTheGrantIsPaidOnce() {
        Map<String, Object> before = SampleReports.selfReport();
        payouts.awaitPaid(payouts.file(tokens.newCitizen(), before));
        List<String> paidWith = bearersFor(payouts.payeeOf(before));
        String inUse = paidWith.get(paidWith.size() - 1).substring("Bearer ".length());
        assertThat(issued).contains(inUse);

        // The bank revokes the token in use long before it expires.
        gateway.resetMappings();
        acceptsOnly(gateway, "/disburse/sync/.*", aResponse().withTransformers(FakeBank.NAME),
                issued.stream().filter(token -> !token.equals(inUse)).toArray(String[]::new));
        Map<String, Object> body = SampleReports.selfReport();
        PayoutFixture.Filed filed = payouts.file(tokens.newCitizen(), body);

        payouts.awaitPaid(filed);
        List<String> sent = bearersFor(payouts.payeeOf(body));
        assertThat(sent.get(0)).as("refused with 401").isEqualTo("Bearer " + inUse);
        assertThat(sent.get(sent.size() - 1)).as("paid with a fresh token").isNotEqualTo("Bearer " + inUse)
                .startsWith("Bearer ").satisfies(bearer -> assertThat(issued).contains(bearer.substring("Bearer ".length())));
        assertThat(bank.disbursed(filed.reference()).paid()).hasValue(1);
        assertThat(bank.paidTwice()).isEmpty();
        assertThat(payouts.ledgered(filed, "PAYMENT")).containsExactly(240000L);
        assertThat(payouts.history(filed)).containsOnlyOnce("PAID");
        assertThat(gateway.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", absent()))).isEmpty();
    }

    @Test
    void whileTheTokenEndpointIsDownNothingReachesTheBankAndThePaymentWaitsForTheNextAttempt() {
        StubMapping outage = down(authorizationServer);
        Map<String, Object> body = SampleReports.selfReport();
        String payee = payouts.payeeOf(body);
        PayoutFixture.Filed filed = payouts.file(tokens.newCitizen(), body);

        await().atMost(Duration.ofSeconds(20)).until(() -> payouts.attempts(filed) >= 2);
        assertThat(payouts.lastError(filed)).startsWith("no access token for the gateway");
        assertThat(payouts.status(filed)).isIn("PENDING", "SENDING");
        assertThat(payouts.ledgered(filed, "PAYMENT")).isEmpty();
        assertThat(bank.requests(payee)).as("disburse requests the bank served for this payee").isZero();
        assertThat(gateway.findAll(anyRequestedFor(anyUrl()).withHeader("Authorization", absent())))
                .as("requests at the bank without a token").isEmpty();

        authorizationServer.removeStub(outage);
        payouts.awaitPaid(filed);
        List<String> sent = bearersFor(payee);
        assertThat(sent.get(sent.size() - 1)).as("paid with a token issued once the endpoint was back")
                .isIn(issued.stream().map(token -> "Bearer " + token).toList());
        assertThat(bank.disbursed(filed.reference()).paid()).hasValue(1);
        assertThat(payouts.ledgered(filed, "PAYMENT")).containsExactly(240000L);
    }

    /** The Authorization header of every disburse request for this payee that reached the bank, in order. */
    private static List<String> bearersFor(String payee) {
        return gateway.findAll(postRequestedFor(urlEqualTo("/disburse/sync/disburse"))
                        .withRequestBody(matchingJsonPath("$.message.disbursements[0].payee_fa", equalTo(payee))))
                .stream().map(request -> request.getHeader("Authorization")).toList();
    }

}
