package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.notification.task.StaffAvailability;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Coordinators say when they cannot take tasks; new tasks then go to the next link of the chain. */
@RestController
@Tag(name = "Coordinator tasks")
public class AvailabilityController {

    private static final String JSON = "application/json";

    private final StaffAvailability availability;
    private final NotificationWebMapper mapper;

    AvailabilityController(StaffAvailability availability, NotificationWebMapper mapper) {
        this.availability = availability;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/coordinator/availability", produces = JSON)
    @Operation(operationId = "getMyAvailability", summary = "Whether you take tasks now")
    @ApiResponse(responseCode = "200", description = "Your availability",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @ApiResponse(responseCode = "404", description = "You are not on the staff list: /problems/not-found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<AvailabilityView> mine(@AuthenticationPrincipal Jwt token) {
        return availability.of(Actors.from(token).subject()).map(mapper::toView).switchIfEmpty(Mono.error(AvailabilityController::notStaff));
    }

    @PutMapping(path = "/api/v1/coordinator/availability", consumes = JSON, produces = JSON)
    @Operation(operationId = "setMyAvailability", summary = "Take tasks, or not (until a time, or until you say otherwise)")
    @ApiResponse(responseCode = "200", description = "Your availability",
            content = @Content(schema = @Schema(implementation = AvailabilityView.class)))
    @ApiResponse(responseCode = "404", description = "You are not on the staff list: /problems/not-found",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<AvailabilityView> set(@AuthenticationPrincipal Jwt token, @Valid @RequestBody AvailabilityRequest request) {
        return availability.set(Actors.from(token), request.available(), request.until())
                .map(mapper::toView)
                .switchIfEmpty(Mono.error(AvailabilityController::notStaff));
    }

    private static ProblemException notStaff() {
        return new ProblemException(ProblemType.NOT_FOUND, "You are not on the staff list of any village, township or county.");
    }
}
