package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.notification.delivery.DeadLetterDesk;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Supervisors see the notifications of their region that failed for good, and send them again. */
@RestController
@Tag(name = "Notifications", description = "Delivery of coordinator tasks: dead letters")
public class DeadLetterController {

    private static final String JSON = "application/json";

    private final DeadLetterDesk desk;
    private final NotificationWebMapper mapper;

    DeadLetterController(DeadLetterDesk desk, NotificationWebMapper mapper) {
        this.desk = desk;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/notifications/dead-letters", produces = JSON)
    @Operation(operationId = "listDeadLetters", summary = "Notifications of your region that failed for good, newest first (supervisors)",
            description = "Page on with before = the createdAt of the last one.")
    Mono<DeadLetterList> deadLetters(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) @Nullable Instant before,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return desk.deadLetters(Actors.from(token), before, limit).map(mapper::toView).collectList().map(DeadLetterList::new);
    }

    @PostMapping(path = "/api/v1/notifications/{id}/retry", produces = JSON)
    @Operation(operationId = "retryNotification", summary = "Queue a dead letter of your region again, now (supervisors)")
    Mono<DeliveryView> retry(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        UUID notification;
        try {
            notification = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(DeadLetterController::notFound);
        }
        return desk.retry(Actors.from(token), notification).map(mapper::toView).switchIfEmpty(Mono.error(DeadLetterController::notFound));
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No dead letter with this id in your region.");
    }
}
