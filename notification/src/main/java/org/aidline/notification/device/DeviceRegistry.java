package org.aidline.notification.device;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.aidline.intake.access.Actor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Staff register the phones their app runs on, so that tasks are pushed to them. */
public class DeviceRegistry {

    private final Devices devices;
    private final Clock clock;

    public DeviceRegistry(Devices devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    public Mono<Device> register(Actor actor, PushService service, String token) {
        return devices.register(actor.subject(), service, token, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /** By the id its registration answered, so that the token (a credential) never travels in a URL again. */
    public Mono<Boolean> unregister(Actor actor, UUID device) {
        return devices.retire(actor.subject(), device, "unregistered by its user", clock.instant());
    }

    public Flux<Device> mine(Actor actor) {
        return devices.activeOf(actor.subject());
    }
}
