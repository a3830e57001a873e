package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.security.Actors;
import org.aidline.notification.device.DeviceRegistry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Staff register the phones their app runs on; tasks are pushed to every registered one. */
@RestController
@Tag(name = "Devices", description = "Push tokens of coordinators' and supervisors' apps")
public class DeviceController {

    private static final String JSON = "application/json";

    private final DeviceRegistry registry;
    private final NotificationWebMapper mapper;

    DeviceController(DeviceRegistry registry, NotificationWebMapper mapper) {
        this.registry = registry;
        this.mapper = mapper;
    }

    @PostMapping(path = "/api/v1/devices", consumes = JSON, produces = JSON)
    @Operation(operationId = "registerDevice", summary = "Register this phone's push token (FCM or JPUSH); registering it again changes nothing")
    @ApiResponse(responseCode = "201", description = "Registered (or already registered to you)",
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    Mono<ResponseEntity<DeviceView>> register(@AuthenticationPrincipal Jwt token, @Valid @RequestBody DeviceRequest request) {
        return registry.register(Actors.from(token), request.provider(), request.token())
                .map(mapper::toView)
                .map(view -> ResponseEntity.created(URI.create("/api/v1/devices/" + view.id())).body(view));
    }

    @GetMapping(path = "/api/v1/devices", produces = JSON)
    @Operation(operationId = "listMyDevices", summary = "Your registered devices")
    Mono<List<DeviceView>> mine(@AuthenticationPrincipal Jwt token) {
        return registry.mine(Actors.from(token)).map(mapper::toView).collectList();
    }

    // By the id that registration answered: a push token is a credential, and a URL ends up in access logs.
    @DeleteMapping(path = "/api/v1/devices/{id}")
    @Operation(operationId = "unregisterDevice", summary = "Unregister one of your devices (at logout), by the id its registration answered; 404 if it is not yours")
    @ApiResponse(responseCode = "204", description = "Unregistered")
    @ApiResponse(responseCode = "404", description = "Not a device registered to you: /problems/not-found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<ResponseEntity<Void>> unregister(@AuthenticationPrincipal Jwt token,
            @Parameter(schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
        UUID device;
        try {
            // Parsed here, not by the binder: a blank id converts to null there, which reached the registry as a 500.
            device = UUID.fromString(id.strip());
        } catch (IllegalArgumentException notAnId) {
            return Mono.error(ProblemException.notFound("device registered to you"));
        }
        return registry.unregister(Actors.from(token), device).map(removed -> {
            if (!removed) {
                throw ProblemException.notFound("device registered to you");
            }
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
