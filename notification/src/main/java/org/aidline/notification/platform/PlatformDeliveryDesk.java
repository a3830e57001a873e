package org.aidline.notification.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The 12345 deliveries as supervisors see them: those of reports in their region (a province
 * supervisor sees all), pending or dead, and a dead letter sent again.
 */
public class PlatformDeliveryDesk {

    private final PlatformDeliveries deliveries;
    private final Clock clock;

    public PlatformDeliveryDesk(PlatformDeliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public Flux<PlatformDelivery> list(Actor actor, DeliveryStatus status, @Nullable Long before, int limit) {
        if (!actor.has(Role.SUPERVISOR) || actor.region() == null) {
            return Flux.empty();
        }
        return deliveries.inRegion(actor.region(), status, before, limit);
    }

    /**
     * Queues a dead letter of the supervisor's region again, now; empty if there is no such delivery
     * there, {@link DeliveryNotFailedException} if it is not dead.
     */
    public Mono<PlatformDelivery> retry(Actor actor, UUID id) {
        if (!actor.has(Role.SUPERVISOR) || actor.region() == null) {
            return Mono.empty();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return deliveries.requeue(actor.region(), id, now)
                .switchIfEmpty(Mono.defer(() -> deliveries.find(actor.region(), id)
                        .flatMap(found -> Mono.error(new DeliveryNotFailedException(found.status())))));
    }
}
