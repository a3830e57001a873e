package org.aidline.notification.delivery;

import java.time.Instant;
import java.util.UUID;
import org.aidline.notification.device.PushService;
import org.jspecify.annotations.Nullable;

/**
 * A notification this dispatcher holds under a lease until {@code claim} is released: where it
 * goes (a device of a push service, or a phone), what it says, and since when it has been waiting
 * to go ({@code queuedAt}: when the task was routed or escalated to the recipient).
 */
public record ClaimedNotification(UUID id, UUID claim, String recipient, DeliveryChannel channel, int attempt,
        @Nullable UUID deviceId, @Nullable PushService service, @Nullable String address, TaskMessage message, Instant queuedAt) {
}
