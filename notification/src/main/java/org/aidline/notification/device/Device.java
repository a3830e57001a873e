package org.aidline.notification.device;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A staff member's app on a phone, reachable through its push service by its token. */
public record Device(UUID id, String user, PushService service, String token, Instant registeredAt, @Nullable Instant retiredAt) {
}
