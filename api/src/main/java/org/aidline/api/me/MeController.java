package org.aidline.api.me;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Who the caller is, as the service understood their token; the apps use it to shape their screens. */
@RestController
@Tag(name = "Me")
public class MeController {

    /** The caller's subject, roles and region. */
    public record Me(String subject, List<Role> roles, @Nullable String region) {
    }

    @GetMapping(path = "/api/v1/me", produces = "application/json")
    @Operation(operationId = "getMe", summary = "The caller's subject, roles and region, from the token")
    Mono<Me> me(@AuthenticationPrincipal Jwt token) {
        Actor actor = Actors.from(token);
        return Mono.just(new Me(actor.subject(), actor.roles().stream().sorted().toList(),
                actor.region() == null ? null : actor.region().code()));
    }
}
