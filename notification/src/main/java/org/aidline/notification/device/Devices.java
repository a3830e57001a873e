package org.aidline.notification.device;

import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where device tokens are kept. */
public interface Devices {

    /** Registers the token for the user; a token already registered (by anyone) moves to this user. */
    Mono<Device> register(String user, PushService service, String token, Instant at);

    /** Retires the user's active registration with this id; false if the user has none (another's is none of theirs). */
    Mono<Boolean> retire(String user, UUID device, String reason, Instant at);

    Flux<Device> activeOf(String user);
}
