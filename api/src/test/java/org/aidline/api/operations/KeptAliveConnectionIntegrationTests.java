package org.aidline.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.aidline.api.support.IntegrationTest;
import org.aidline.api.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A kept-alive HTTP/1.1 connection, as an ingress or a mobile client keeps one, stays readable
 * whatever the order in which its exchanges end. Reactor Netty 1.3.6 stopped reading a connection
 * whose next request arrived before the previous exchange had ended and was then answered at once
 * (reactor/reactor-netty#4361): the client's following request waited until its own timeout. Seen
 * here as test requests that hung for 30 s about once in six full runs.
 */
@IntegrationTest
class KeptAliveConnectionIntegrationTests {

    private static final String SLOW = "GET /actuator/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
    private static final String AT_ONCE = "GET /api/v1/reports HTTP/1.1\r\nHost: localhost\r\n\r\n";

    @LocalServerPort
    int port;

    @Test
    void aConnectionIsReadAgainAfterARequestQueuedBehindASlowerOne() throws IOException {
        try (RawHttp connection = new RawHttp(port)) {
            for (int round = 0; round < 20; round++) {
                // One write: the second request is in before the first (health reads PostgreSQL and Redis) is answered.
                connection.send(SLOW + AT_ONCE);
                assertThat(connection.read().status()).as("round %d, health", round).isIn(200, 503);
                assertThat(connection.read().status()).as("round %d, unauthenticated", round).isEqualTo(401);
                connection.send(AT_ONCE);
                assertThat(connection.read().status()).as("round %d, the request after them", round).isEqualTo(401);
            }
        }
    }
}
