package org.aidline.api.embedded;

import org.aidline.dev.EmbeddedServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The prod profile, configured as production is (an external issuer, explicit databases and
 * keys): no development issuer exists, so no token can be minted here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/never-fetched/jwks.json",
        "aidline.personal-data.encryption-key=cHJvZHVjdGlvbi10ZXN0LWVuY3J5cHRpb24ta2V5ISE=",
        "aidline.personal-data.hash-key=cHJvZHVjdGlvbi10ZXN0LWhvdXNlaG9sZC1oYXNoLWtleSEh",
        // No bank here: this instance must not dispatch (production refuses to start without a gateway otherwise).
        "aidline.payments.enabled=false", "aidline.registry.payouts.enabled=false",
        "aidline.notifications.jpush.app-key=test-app", "aidline.notifications.jpush.master-secret=test-secret",
        "aidline.notifications.sms.base-url=http://127.0.0.1:9", "aidline.notifications.sms.api-key=test-key",
        "aidline.notifications.enabled=false",
        // Another key than the other tests' instances on this database: it must not seal their chain.
        "aidline.audit.chain-key=cHJvZHVjdGlvbi10ZXN0LWF1ZGl0LWNoYWluLWtleS0zMmJ5dGVzIQ==", "aidline.audit.sealing=false",
        // The prod profile puts the actuator on 8081; any free port here.
        "management.server.port=0"})
@AutoConfigureWebTestClient
@ActiveProfiles("prod")
class ProductionProfileIntegrationTests {

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.r2dbc.url", () -> "r2dbc:postgresql://127.0.0.1:" + EmbeddedServices.postgresPort() + "/postgres");
        registry.add("spring.r2dbc.username", () -> "postgres");
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", EmbeddedServices::redisPort);
    }

    @Autowired
    WebTestClient web;

    @LocalManagementPort
    int managementPort;

    @Test
    void thereIsNoDevelopmentIssuer() {
        web.post().uri("/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sub\":\"x\",\"roles\":[\"AUDITOR\"],\"region\":\"640000\"}")
                .exchange().expectStatus().isNotFound();
        web.get().uri("/dev/jwks.json").exchange().expectStatus().isNotFound();
    }

    @Test
    void unsignedClaimsGetNowhere() {
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiQVVESVRPUiJdfQ.";
        web.get().uri("/api/v1/me").header("Authorization", "Bearer " + unsigned).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void healthIsUpWithoutDetailsOnTheManagementPortOnly() {
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.details").doesNotExist();
    }
}
