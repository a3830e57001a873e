package org.aidline.notification.platform;

import reactor.core.publisher.Mono;

/** Sends one change to the platform's webhook, signed; never fails, answers what happened. */
public interface PlatformWebhook {

    Mono<WebhookOutcome> deliver(PlatformDelivery delivery);
}
