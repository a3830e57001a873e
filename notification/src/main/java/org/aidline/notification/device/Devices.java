package org.aidline.notification.device;

import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where device tokens are kept. */
public interface Devices {

    /** Registers the token for the user; a token already registered (by anyone) moves to this user. */
    Mono<Device> register(String user, PushService service, String token, Instant at);

    /** Retires the user's registration of the token; false if the user had none. */
    Mono<Boolean> retire(String user, PushService service, String token, String reason, Instant at);

    Flux<Device> activeOf(String user);
}
