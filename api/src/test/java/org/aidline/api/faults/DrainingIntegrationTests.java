package org.aidline.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.RawHttp;
import org.aidline.api.support.SecondInstance;
import org.aidline.api.support.Tokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.env.Environment;

/**
 * Shutdown in progress: once an instance refuses traffic (Spring says so first thing as it
 * starts to close, before graceful shutdown lets the requests under way finish), a request that
 * still reaches it is answered 503 with Retry-After and its connection closed, having done nothing.
 * Played by turning the readiness of an instance of the test's own, as its closing does; closing it
 * for real leaves no moment a test could aim at (Reactor Netty closes the idle kept-alive
 * connections and the listening socket almost at once, which clients retry by themselves).
 */
@IntegrationTest
class DrainingIntegrationTests {

    @Autowired
    Environment environment;

    @Autowired
    Tokens tokens;

    @Test
    void aRequestReachingAnInstanceThatIsShuttingDownIs503WithRetryAfterAndItsProbeSaysSo() throws Exception {
        try (SecondInstance instance = SecondInstance.sharing(environment); RawHttp kept = new RawHttp(instance.port())) {
            String me = "GET /api/v1/me HTTP/1.1\r\nAuthorization: " + tokens.newCitizen().bearer();
            assertThat(kept.exchange(me).status()).isEqualTo(200);

            instance.readiness(ReadinessState.REFUSING_TRAFFIC);
            RawHttp.Response refused = kept.exchange(me);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.headers()).containsEntry("retry-after", "1").containsEntry("connection", "close");
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.body()).contains("\"type\":\"/problems/unavailable\"").contains("\"mayHaveBeenApplied\":false");

            try (RawHttp probe = new RawHttp(instance.port()); RawHttp again = new RawHttp(instance.port())) {
                RawHttp.Response readiness = probe.exchange("GET /actuator/health/readiness HTTP/1.1");
                assertThat(readiness.status()).as("the probe answers for itself: out of service").isEqualTo(503);
                assertThat(readiness.body()).contains("OUT_OF_SERVICE");

                instance.readiness(ReadinessState.ACCEPTING_TRAFFIC);
                assertThat(again.exchange(me).status()).isEqualTo(200);
            }
        }
    }
}
