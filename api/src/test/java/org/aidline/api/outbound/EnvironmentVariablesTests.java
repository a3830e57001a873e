package org.aidline.api.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aidline.api.payment.gateway.GatewaySecurityProperties;
import org.aidline.api.verification.VerificationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables deploy/README.md and application-prod.yml name bind where the clients read them. */
class EnvironmentVariablesTests {

    @Test
    void theDocumentedVariablesConfigureTheBanksAndARegistrysCredentials() {
        Map<String, Object> environment = new HashMap<>();
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_TOKEN_URI", "https://auth.bank.example.cn/oauth2/token");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_CLIENT_ID", "aidline");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_CLIENT_SECRET", "bank-secret");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_SCOPES", "disburse,txn-status");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_AUDIENCE", "g2p");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_AUTHENTICATION_METHOD", "client_secret_post");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_OAUTH2_SSL_BUNDLE", "bank-idp");
        environment.put("AIDLINE_PAYMENTS_GATEWAY_SECURITY_SSL_BUNDLE", "bank");
        environment.put("SPRING_SSL_BUNDLE_PEM_BANK_KEYSTORE_CERTIFICATE", "file:/etc/aidline/tls/client.crt");
        environment.put("SPRING_SSL_BUNDLE_PEM_BANK_KEYSTORE_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----");
        environment.put("SPRING_SSL_BUNDLE_PEM_BANK_TRUSTSTORE_CERTIFICATE", "file:/etc/aidline/tls/bank-ca.crt");
        environment.put("AIDLINE_VERIFICATION_REGISTRIES_0_NAME", "deposits");
        environment.put("AIDLINE_VERIFICATION_REGISTRIES_0_BASE_URL", "https://deposits.example.cn");
        environment.put("AIDLINE_VERIFICATION_REGISTRIES_0_SECURITY_OAUTH2_TOKEN_URI", "https://auth.example.cn/token");
        environment.put("AIDLINE_VERIFICATION_REGISTRIES_0_SECURITY_OAUTH2_CLIENT_ID", "aidline-verifier");
        environment.put("AIDLINE_VERIFICATION_REGISTRIES_0_SECURITY_OAUTH2_CLIENT_SECRET", "registry-secret");
        environment.put("AIDLINE_VERIFICATION_REGISTRIES_0_SECURITY_SSL_BUNDLE", "deposits");
        Binder binder = new Binder(ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));

        GatewaySecurityProperties gateway = binder.bindOrCreate("aidline.payments.gateway.security", GatewaySecurityProperties.class);
        assertThat(gateway.sslBundle()).isEqualTo("bank");
        assertThat(gateway.oauth2()).isEqualTo(new EndpointSecurity.OAuth2Client(URI.create("https://auth.bank.example.cn/oauth2/token"),
                "aidline", "bank-secret", List.of("disburse", "txn-status"), "g2p", "client_secret_post", "bank-idp"));
        assertThat(gateway.oauth2().toString()).doesNotContain("bank-secret");

        PemSslBundleProperties bank = binder.bindOrCreate("spring.ssl", SslProperties.class).getBundle().getPem().get("bank");
        assertThat(bank.getKeystore().getCertificate()).isEqualTo("file:/etc/aidline/tls/client.crt");
        assertThat(bank.getKeystore().getPrivateKey()).isEqualTo("-----BEGIN PRIVATE KEY-----");
        assertThat(bank.getTruststore().getCertificate()).isEqualTo("file:/etc/aidline/tls/bank-ca.crt");

        VerificationProperties.RegistryEndpoint registry = binder.bindOrCreate("aidline.verification", VerificationProperties.class)
                .registries().get(0);
        assertThat(registry.name()).isEqualTo("deposits");
        assertThat(registry.security().sslBundle()).isEqualTo("deposits");
        assertThat(registry.security().oauth2().clientSecret()).isEqualTo("registry-secret");
    }
}
