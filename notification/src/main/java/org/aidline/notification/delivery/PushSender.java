package org.aidline.notification.delivery;

import org.aidline.notification.device.PushService;
import reactor.core.publisher.Mono;

/** Sends a push through one push service. Never errors: every failure is an outcome. */
public interface PushSender {

    PushService service();

    Mono<DeliveryOutcome> push(String deviceToken, TaskMessage message);
}
