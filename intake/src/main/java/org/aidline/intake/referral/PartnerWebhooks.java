package org.aidline.intake.referral;

import reactor.core.publisher.Mono;

/** Sends a referral to its partner's webhook (signed); never fails, answers what happened. */
public interface PartnerWebhooks {

    Mono<DeliveryOutcome> deliver(ClaimedReferral claimed);
}
