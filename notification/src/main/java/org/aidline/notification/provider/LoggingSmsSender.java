package org.aidline.notification.provider;

import java.util.UUID;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.aidline.notification.delivery.SmsSender;
import org.aidline.notification.delivery.TaskMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** The embedded default's SMS gateway: logs what it would text. Production refuses it. */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public Mono<DeliveryOutcome> text(String phone, TaskMessage message) {
        String masked = phone.length() <= 4 ? "****" : "****" + phone.substring(phone.length() - 4);
        log.info("SMS (logged, not sent) to {}: {} / {} [notification {}]", masked, message.title(), message.body(), message.notificationId());
        return Mono.just(DeliveryOutcome.sent("logged-" + UUID.randomUUID(), "logged by the embedded default"));
    }
}
