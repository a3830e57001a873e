package org.aidline.api.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket: for what a well-behaved client (WebTestClient) refuses to send,
 * such as NULs, non-ASCII bytes in headers or unknown methods, and for the order of bytes on a
 * kept-alive connection.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    public RawHttp(int port) throws IOException {
        socket = new Socket("localhost", port);
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /** Sends bytes as they are. */
    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public RawHttp send(String latin1) throws IOException {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** One request, whole, on this connection: {@code head} is the request line and headers without the blank line. */
    public Response exchange(String head, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.getBytes(StandardCharsets.ISO_8859_1));
        request.write(("\r\nHost: localhost\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        request.write(body);
        send(request.toByteArray());
        return read();
    }

    public Response exchange(String head) throws IOException {
        return exchange(head, new byte[0]);
    }

    /** Reads one whole response (Content-Length or chunked). */
    public Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (int chunk = Integer.parseInt(line().trim(), 16); chunk > 0; chunk = Integer.parseInt(line().trim(), 16)) {
                body.write(in.readNBytes(chunk));
                line();
            }
            line();
        } else {
            body.write(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))));
        }
        return new Response(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int next = in.read(); next != '\n'; next = in.read()) {
            if (next < 0) {
                throw new IOException("The connection was closed mid-response");
            }
            if (next != '\r') {
                line.write(next);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }
    }
}
