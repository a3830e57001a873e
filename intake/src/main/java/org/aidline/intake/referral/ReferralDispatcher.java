package org.aidline.intake.referral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;
import org.aidline.intake.background.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Empties the referral outbox: claims due deliveries (SKIP LOCKED, so instances share the work and
 * never send one twice at once), POSTs each to its partner's webhook, and records the outcome: sent,
 * refused for good, or tried again with backoff. The webhook gets the referral's id as its
 * idempotency key, so an answer lost on the way and sent again is the same delivery to the partner.
 */
public class ReferralDispatcher {

    private static final Logger log = LoggerFactory.getLogger(ReferralDispatcher.class);

    /** How many deliveries a round claims, how long a claim lasts, how often and patiently a partner is tried. */
    public record Settings(int batchSize, Duration lease, int maxAttempts, Backoff backoff) {
    }

    private final Referrals referrals;
    private final PartnerWebhooks webhooks;
    private final Settings settings;
    private final Clock clock;
    private final DoubleSupplier random;

    public ReferralDispatcher(Referrals referrals, PartnerWebhooks webhooks, Settings settings, Clock clock, DoubleSupplier random) {
        this.referrals = referrals;
        this.webhooks = webhooks;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
    }

    /** One round: every due delivery, batch after batch; emits how many were handled. */
    public Mono<Integer> dispatchDue() {
        return batch().expand(handled -> handled == settings.batchSize() ? batch() : Mono.empty()).reduce(0, Integer::sum);
    }

    private Mono<Integer> batch() {
        Instant now = clock.instant();
        return referrals.claimDue(now, now.plus(settings.lease()), settings.batchSize())
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed).flatMap(this::deliver, 4).then(Mono.just(claimed.size())));
    }

    private Mono<Void> deliver(ClaimedReferral claimed) {
        Referral referral = claimed.referral();
        return webhooks.deliver(claimed)
                .flatMap(outcome -> {
                    Instant now = clock.instant();
                    return switch (outcome.kind()) {
                        case DELIVERED -> referrals.delivered(referral.id(), now);
                        case REFUSED -> {
                            log.info("Referral {} refused by {}'s webhook for good: {}", referral.id(), referral.partner(), outcome.detail());
                            yield referrals.deliveryFailed(referral.id(), outcome.detail(), now, null);
                        }
                        case RETRY -> {
                            int attempt = referral.deliveryAttempts();
                            Instant retryAt = attempt >= settings.maxAttempts() ? null
                                    : now.plus(settings.backoff().delayBefore(attempt, random.getAsDouble()));
                            log.info("Referral {} to {}: attempt {} failed ({}); {}", referral.id(), referral.partner(), attempt,
                                    outcome.detail(), retryAt == null ? "given up: handed over by hand" : "next at " + retryAt);
                            yield referrals.deliveryFailed(referral.id(), outcome.detail(), now, retryAt);
                        }
                    };
                })
                .onErrorResume(failure -> {
                    // The claim stays until its lease ends; then this delivery is taken again.
                    log.warn("Referral {}'s delivery could not be recorded; it is retried after its lease", referral.id(), failure);
                    return Mono.empty();
                });
    }
}
