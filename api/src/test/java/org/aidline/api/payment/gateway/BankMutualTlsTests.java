package org.aidline.api.payment.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.aidline.api.outbound.OutboundClients;
import org.aidline.api.payment.FakeBank;
import org.aidline.api.support.MutualTlsBank;
import org.aidline.intake.PaymentsProperties;
import org.aidline.intake.money.Money;
import org.aidline.intake.payment.Disbursement;
import org.aidline.intake.payment.GatewayOutcome;
import org.aidline.intake.payment.PaymentGateway;
import org.aidline.intake.payment.PaymentKind;
import org.aidline.registry.PayoutsProperties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.mock.env.MockEnvironment;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mutual TLS to the bank: WireMock over HTTPS demanding a client certificate signed by the test CA
 * (src/test/resources/outbound-tls, test material only). With the SSL bundle the payment is made;
 * without the client certificate the handshake fails and the payment is an outage, never a success.
 */
class BankMutualTlsTests {

    static final FakeBank bank = new FakeBank();

    @RegisterExtension
    static WireMockExtension gatewayServer = WireMockExtension.newInstance().options(MutualTlsBank.server(bank))
            .build();

    final DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry();

    @BeforeEach
    void theBankAndTheBundles() {
        gatewayServer.stubFor(post(urlMatching("/disburse/sync/.*")).willReturn(aResponse().withTransformers(FakeBank.NAME)));
        PemSslStoreDetails bankCa = PemSslStoreDetails.forCertificate("classpath:outbound-tls/test-ca.crt");
        bundles.registerBundle("bank", SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificate("classpath:outbound-tls/test-client.crt")
                        .withPrivateKey("classpath:outbound-tls/test-client.key"),
                bankCa)));
        bundles.registerBundle("bank-ca-only", SslBundle.of(new PemSslStoreBundle(null, bankCa)));
    }

    @Test
    void withTheClientCertificateThePaymentIsMade() {
        PaymentGateway gateway = gateway("bank", httpsBaseUrl());
        Disbursement disbursement = disbursement();

        StepVerifier.create(gateway.disburse(disbursement)).expectNext(GatewayOutcome.paid()).verifyComplete();
        assertThat(bank.disbursed(disbursement.referenceId()).paid()).hasValue(1);
    }

    @Test
    void withoutTheClientCertificateTheHandshakeFailsAndThePaymentWaits() {
        PaymentGateway gateway = gateway("bank-ca-only", httpsBaseUrl());
        Disbursement disbursement = disbursement();

        StepVerifier.create(gateway.disburse(disbursement))
                .assertNext(outcome -> {
                    assertThat(outcome.kind()).isEqualTo(GatewayOutcome.Kind.TRANSIENT);
                    assertThat(outcome.detail()).startsWith("connection failed");
                })
                .verifyComplete();
        assertThat(bank.disbursed(disbursement.referenceId())).isNull();
        assertThat(gatewayServer.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void aClientCertificateForAPlainHttpAddressStopsTheStart() {
        assertThatThrownBy(() -> gateway("bank", "http://localhost:9"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without https");
    }

    private PaymentGateway gateway(String sslBundle, String baseUrl) {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "aidline.payments.gateway.base-url", baseUrl,
                "aidline.payments.gateway.connect-timeout", "2s",
                "aidline.payments.gateway.response-timeout", "3s",
                "aidline.payments.gateway.security.ssl-bundle", sslBundle)));
        return new PaymentGatewayConfiguration().paymentGateway(
                binder.bindOrCreate("aidline.payments", PaymentsProperties.class),
                binder.bindOrCreate("aidline.payments.gateway.security", GatewaySecurityProperties.class),
                new OutboundClients(bundles, Clock.systemUTC()),
                binder.bindOrCreate("aidline.registry.payouts", PayoutsProperties.class),
                JsonMapper.builder().build(), Clock.systemUTC(), new MockEnvironment(), CircuitBreakerRegistry.ofDefaults());
    }

    private static String httpsBaseUrl() {
        return gatewayServer.getRuntimeInfo().getHttpsBaseUrl();
    }

    private static Disbursement disbursement() {
        return new Disbursement("ref-" + UUID.randomUUID(), "treasury-640104@aidline", "token:" + UUID.randomUUID() + "@aidline",
                Money.ofFen(10000), PaymentKind.PROGRAMME);
    }

}
