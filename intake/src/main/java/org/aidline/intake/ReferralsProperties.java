package org.aidline.intake;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Referrals to partners: how long a partner has to answer before the referral escalates, how the
 * outbox is emptied, and each webhook partner's URL and signing secret (configuration, never data:
 * {@code aidline.referrals.webhooks.CHARITY_FEDERATION.url=...}). A webhook partner without an entry
 * here cannot be sent to: its referrals are marked FAILED at once, for staff to hand over by hand.
 */
@ConfigurationProperties("aidline.referrals")
public record ReferralsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("P5D") Duration answerWithin,
        @DefaultValue("5s") Duration pollInterval,
        @DefaultValue("1m") Duration escalationPeriod,
        @DefaultValue("20") int batchSize,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("10s") Duration firstRetry,
        @DefaultValue("30m") Duration maxRetry,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue Map<String, Webhook> webhooks) {

    public ReferralsProperties {
        webhooks = Map.copyOf(webhooks);
        if (answerWithin.isNegative() || answerWithin.isZero() || pollInterval.isNegative() || pollInterval.isZero()
                || escalationPeriod.isNegative() || escalationPeriod.isZero()) {
            throw new IllegalArgumentException("aidline.referrals: answer-within, poll-interval and escalation-period must be positive");
        }
        if (lease.compareTo(timeout.multipliedBy(2)) <= 0) {
            throw new IllegalArgumentException("aidline.referrals.lease must outlast a delivery (2 x timeout)");
        }
    }

    /** A partner's webhook: where referrals are POSTed and the secret they are signed with (HMAC-SHA256). */
    public record Webhook(@Nullable URI url, @Nullable String secret) {
    }
}
