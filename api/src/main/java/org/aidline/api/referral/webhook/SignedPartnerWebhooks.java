package org.aidline.api.referral.webhook;

import java.time.Clock;
import org.aidline.api.webhook.SignedWebhooks;
import org.aidline.intake.ReferralsProperties;
import org.aidline.intake.referral.ClaimedReferral;
import org.aidline.intake.referral.DeliveryOutcome;
import org.aidline.intake.referral.PartnerWebhooks;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a referral to its partner's webhook as JSON, signed with the partner's secret
 * ({@link SignedWebhooks}); the referral's id is the delivery's idempotency key.
 */
@Component
public class SignedPartnerWebhooks implements PartnerWebhooks {

    public static final String SIGNATURE = SignedWebhooks.SIGNATURE;

    private final ReferralsProperties properties;
    private final SignedWebhooks webhooks;
    private final JsonMapper json;

    public SignedPartnerWebhooks(ReferralsProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.webhooks = new SignedWebhooks(properties.timeout(), clock);
    }

    @Override
    public Mono<DeliveryOutcome> deliver(ClaimedReferral claimed) {
        String partner = claimed.referral().partner();
        ReferralsProperties.Webhook webhook = properties.webhooks().get(partner);
        if (webhook == null || webhook.url() == null || webhook.secret() == null || webhook.secret().isBlank()) {
            return Mono.just(DeliveryOutcome.refused("no webhook is configured for " + partner + " (aidline.referrals.webhooks."
                    + partner + ".url and .secret): hand it over by hand"));
        }
        return webhooks.post(webhook.url(), webhook.secret(), claimed.referral().id().toString(), json.writeValueAsBytes(claimed.payload()))
                .map(answer -> {
                    switch (answer.kind()) {
                        case DELIVERED:
                            return DeliveryOutcome.delivered();
                        case REFUSED:
                            return DeliveryOutcome.refused(answer.detail());
                        default:
                            return DeliveryOutcome.retry(answer.detail());
                    }
                });
    }
}
