package org.aidline.notification.delivery;

import reactor.core.publisher.Mono;

/** Sends a text message through the SMS gateway. Never errors: every failure is an outcome. */
public interface SmsSender {

    Mono<DeliveryOutcome> text(String phone, TaskMessage message);
}
