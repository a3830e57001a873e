package org.aidline.api.platform.webhook;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aidline.api.webhook.SignedWebhooks;
import org.aidline.notification.PlatformExchangeProperties;
import org.aidline.notification.platform.PlatformDelivery;
import org.aidline.notification.platform.PlatformWebhook;
import org.aidline.notification.platform.WebhookOutcome;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a work order's change to the 12345 platform's webhook, signed with the shared secret
 * ({@link SignedWebhooks}). The body is the contract README describes: {@code id} (the delivery's,
 * also its Idempotency-Key), {@code orderNumber}, {@code reportReference}, {@code change}, {@code at},
 * and {@code details} where the change has any.
 */
@Component
public class SignedPlatformWebhook implements PlatformWebhook {

    private final PlatformExchangeProperties properties;
    private final SignedWebhooks webhooks;
    private final JsonMapper json;

    public SignedPlatformWebhook(PlatformExchangeProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.webhooks = new SignedWebhooks(properties.timeout(), clock);
    }

    @Override
    public Mono<WebhookOutcome> deliver(PlatformDelivery delivery) {
        if (properties.webhookUrl() == null || properties.secret() == null) {
            // The dispatcher does not send without a webhook; should it ever be asked to, the change waits.
            return Mono.just(WebhookOutcome.retry("no webhook configured (aidline.platform-exchange.webhook-url and .secret)"));
        }
        return webhooks.post(properties.webhookUrl(), properties.secret(), delivery.id().toString(), json.writeValueAsBytes(body(delivery)))
                .map(answer -> {
                    switch (answer.kind()) {
                        case DELIVERED:
                            return WebhookOutcome.delivered(answer.detail());
                        case REFUSED:
                            return WebhookOutcome.refused(answer.detail());
                        default:
                            return WebhookOutcome.retry(answer.detail());
                    }
                });
    }

    static Map<String, Object> body(PlatformDelivery delivery) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", delivery.id().toString());
        body.put("orderNumber", delivery.orderNumber());
        body.put("reportReference", delivery.reportReference());
        body.put("change", delivery.change().name());
        body.put("at", delivery.occurredAt().toString());
        if (!delivery.details().isEmpty()) {
            body.put("details", delivery.details());
        }
        return body;
    }
}
