package org.aidline.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.aidline.api.support.IntegrationTest;
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
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 20; round++) {
                // One write: the second request is in before the first (health reads PostgreSQL and Redis) is answered.
                out.write((SLOW + AT_ONCE).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(statusOf(in)).as("round %d, health", round).isIn(200, 503);
                assertThat(statusOf(in)).as("round %d, unauthenticated", round).isEqualTo(401);
                out.write(AT_ONCE.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(statusOf(in)).as("round %d, the request after them", round).isEqualTo(401);
            }
        }
    }

    /** Reads one whole response (Content-Length or chunked) and answers its status. */
    private static int statusOf(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            in.readNBytes((int) length);
            return status;
        }
        for (long chunk = Long.parseLong(line(in).trim(), 16); chunk > 0; chunk = Long.parseLong(line(in).trim(), 16)) {
            in.readNBytes((int) chunk);
            line(in);
        }
        // No trailers are sent: the last chunk is followed by the empty line that ends the message.
        line(in);
        return status;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("The connection was closed mid-response");
            }
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
