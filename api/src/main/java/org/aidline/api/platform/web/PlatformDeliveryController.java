package org.aidline.api.platform.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.notification.platform.DeliveryNotFailedException;
import org.aidline.notification.platform.DeliveryStatus;
import org.aidline.notification.platform.PlatformDeliveryDesk;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Supervisors see what the 12345 platform has not been told yet (or will not be), for reports of their region. */
@RestController
@Tag(name = "Hotline", description = "Reports filed by hotline operators")
public class PlatformDeliveryController {

    private static final String JSON = "application/json";

    private final PlatformDeliveryDesk desk;

    PlatformDeliveryController(PlatformDeliveryDesk desk) {
        this.desk = desk;
    }

    @GetMapping(path = "/api/v1/hotline/deliveries", produces = JSON)
    @Operation(operationId = "listPlatformDeliveries", summary = "Status changes of 12345 work orders in your region, PENDING or FAILED (dead letters), newest first (supervisors)")
    Mono<PlatformDeliveryList> platformDeliveries(@AuthenticationPrincipal Jwt token, @RequestParam DeliveryStatus status,
            @Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (status == DeliveryStatus.DELIVERED) {
            return Mono.error(ProblemException.invalid("status", "must be PENDING or FAILED"));
        }
        Long before = cursor(cursor);
        return desk.list(Actors.from(token), status, before, limit).collectList().map(page -> new PlatformDeliveryList(
                page.stream().map(PlatformDeliveryView::of).toList(),
                page.size() == limit ? String.valueOf(page.get(page.size() - 1).sequence()) : null));
    }

    @PostMapping(path = "/api/v1/hotline/deliveries/{id}/retry", produces = JSON)
    @Operation(operationId = "retryPlatformDelivery", summary = "Send a dead letter of your region to the 12345 platform again, now (supervisors)")
    Mono<PlatformDeliveryView> retryPlatformDelivery(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        UUID delivery;
        try {
            delivery = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.notFound("delivery"));
        }
        return desk.retry(Actors.from(token), delivery)
                .map(PlatformDeliveryView::of)
                .onErrorMap(DeliveryNotFailedException.class, notFailed -> new ProblemException(ProblemType.STATE_CONFLICT,
                        notFailed.getMessage() + ": only a dead letter is sent again by hand."))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("delivery")));
    }

    private static @Nullable Long cursor(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "must be the nextCursor of a previous page");
        }
    }
}
