package org.aidline.notification.provider;

import java.util.UUID;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.aidline.notification.delivery.PushSender;
import org.aidline.notification.delivery.TaskMessage;
import org.aidline.notification.device.PushService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The embedded default's push service: logs what it would send and calls it sent. Production refuses it. */
public class LoggingPushSender implements PushSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingPushSender.class);

    private final PushService service;

    public LoggingPushSender(PushService service) {
        this.service = service;
    }

    @Override
    public PushService service() {
        return service;
    }

    @Override
    public Mono<DeliveryOutcome> push(String deviceToken, TaskMessage message) {
        log.info("{} push (logged, not sent) to device {}…: {} / {} [notification {}]", service, abbreviate(deviceToken),
                message.title(), message.body(), message.notificationId());
        return Mono.just(DeliveryOutcome.sent("logged-" + UUID.randomUUID(), "logged by the embedded default"));
    }

    private static String abbreviate(String token) {
        return token.length() <= 8 ? token : token.substring(0, 8);
    }
}
