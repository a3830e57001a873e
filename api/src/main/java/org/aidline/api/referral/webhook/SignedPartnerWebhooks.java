package org.aidline.api.referral.webhook;

import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.aidline.intake.ReferralsProperties;
import org.aidline.intake.referral.ClaimedReferral;
import org.aidline.intake.referral.DeliveryOutcome;
import org.aidline.intake.referral.PartnerWebhooks;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a referral to its partner's webhook as JSON, signed the way webhook receivers commonly
 * check: {@code X-Aidline-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the
 * partner's secret>}, so the partner can refuse a forged or replayed call. The referral's id is
 * the {@code Idempotency-Key}: a delivery sent again after a lost answer is the same to the partner.
 * 2xx is delivered; 408, 429, 5xx and network failures are tried again; any other answer is a refusal.
 */
@Component
public class SignedPartnerWebhooks implements PartnerWebhooks {

    public static final String SIGNATURE = "X-Aidline-Signature";

    private final ReferralsProperties properties;
    private final WebClient client;
    private final JsonMapper json;
    private final Clock clock;

    public SignedPartnerWebhooks(ReferralsProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(properties.timeout().toMillis()))
                .responseTimeout(properties.timeout());
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Override
    public Mono<DeliveryOutcome> deliver(ClaimedReferral claimed) {
        String partner = claimed.referral().partner();
        ReferralsProperties.Webhook webhook = properties.webhooks().get(partner);
        if (webhook == null || webhook.url() == null || webhook.secret() == null || webhook.secret().isBlank()) {
            return Mono.just(DeliveryOutcome.refused("no webhook is configured for " + partner + " (aidline.referrals.webhooks."
                    + partner + ".url and .secret): hand it over by hand"));
        }
        byte[] body = json.writeValueAsBytes(claimed.payload());
        long timestamp = clock.instant().getEpochSecond();
        String signature = "t=" + timestamp + ",v1=" + hmac(webhook.secret(), timestamp + "." + new String(body, StandardCharsets.UTF_8));
        String id = claimed.referral().id().toString();
        return client.post().uri(webhook.url())
                .contentType(MediaType.APPLICATION_JSON)
                .header(SIGNATURE, signature)
                .header("Idempotency-Key", id)
                .header("X-Aidline-Delivery", id)
                .bodyValue(body)
                .exchangeToMono(response -> response.releaseBody().thenReturn(outcome(response.statusCode().value())))
                .timeout(properties.timeout().multipliedBy(2))
                .onErrorResume(failure -> Mono.just(DeliveryOutcome.retry(failure.getClass().getSimpleName() + ": "
                        + String.valueOf(failure.getMessage()))));
    }

    private static DeliveryOutcome outcome(int status) {
        if (status >= 200 && status < 300) {
            return DeliveryOutcome.delivered();
        }
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryOutcome.retry("HTTP " + status);
        }
        return DeliveryOutcome.refused("HTTP " + status);
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
