package org.aidline.api.webhook;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs JSON to a receiver's webhook signed the way webhook receivers commonly check:
 * {@code X-Aidline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the shared
 * secret>}, so the receiver can refuse a forged call, and a replayed one by its age. The delivery's
 * id goes as {@code Idempotency-Key} (and {@code X-Aidline-Delivery}): one sent again after a lost
 * answer is the same delivery to the receiver. 2xx is delivered; 408, 429, 5xx and network failures
 * are tried again; any other answer is a refusal. Partners' referrals and the 12345 platform's
 * changes go out through it.
 */
public class SignedWebhooks {

    public static final String SIGNATURE = "X-Aidline-Signature";
    public static final String DELIVERY = "X-Aidline-Delivery";

    /** What the receiver answered. */
    public record Answer(Kind kind, String detail) {

        public enum Kind {
            DELIVERED,
            REFUSED,
            RETRY
        }
    }

    private final WebClient client;
    private final Duration timeout;
    private final Clock clock;

    public SignedWebhooks(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()))
                .responseTimeout(timeout);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** Never fails: a failure to reach the receiver is an answer to try again. */
    public Mono<Answer> post(URI url, String secret, String deliveryId, byte[] body) {
        long timestamp = clock.instant().getEpochSecond();
        return client.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .header(SIGNATURE, signature(secret, timestamp, body))
                .header("Idempotency-Key", deliveryId)
                .header(DELIVERY, deliveryId)
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(answer(response.statusCode().value())))
                .timeout(timeout.multipliedBy(2))
                .onErrorResume(failure -> Mono.just(new Answer(Answer.Kind.RETRY, failure.getClass().getSimpleName() + ": "
                        + String.valueOf(failure.getMessage()))));
    }

    /** The signature header's value for a body sent at {@code timestamp} (unix seconds). */
    public static String signature(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp + "." + new String(body, StandardCharsets.UTF_8));
    }

    private static Answer answer(int status) {
        if (status >= 200 && status < 300) {
            return new Answer(Answer.Kind.DELIVERED, "HTTP " + status);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new Answer(Answer.Kind.RETRY, "HTTP " + status);
        }
        return new Answer(Answer.Kind.REFUSED, "HTTP " + status);
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
