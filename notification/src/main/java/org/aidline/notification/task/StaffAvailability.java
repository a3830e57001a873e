package org.aidline.notification.task;

import java.time.Instant;
import org.aidline.intake.access.Actor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Coordinators say when they cannot take tasks (leave, illness, out of reach); the chain then
 * passes them by. Only known staff have an availability: anyone else gets empty.
 */
public interface StaffAvailability {

    Mono<Availability> of(String user);

    Mono<Availability> set(String user, boolean available, @Nullable Instant until);

    default Mono<Availability> set(Actor actor, boolean available, @Nullable Instant until) {
        return set(actor.subject(), available, available ? null : until);
    }
}
