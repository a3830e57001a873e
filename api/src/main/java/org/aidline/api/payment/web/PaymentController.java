package org.aidline.api.payment.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.payment.PaymentCursor;
import org.aidline.intake.payment.PaymentDesk;
import org.aidline.intake.payment.PaymentId;
import org.aidline.intake.payment.PaymentNotFailedException;
import org.aidline.intake.payment.PaymentPage;
import org.aidline.intake.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Supervisors and auditors follow payouts of their region; supervisors send refused ones again. */
@RestController
@Tag(name = "Payments", description = "Payment instructions on their way through the bank payment gateway")
public class PaymentController {

    private static final String JSON = "application/json";

    private final PaymentDesk desk;
    private final PaymentWebMapper mapper;

    PaymentController(PaymentDesk desk, PaymentWebMapper mapper) {
        this.desk = desk;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/payments", produces = JSON)
    @Operation(operationId = "listPayments", summary = "Payment instructions of your region by status, newest first (supervisors, auditors)",
            description = "status=FAILED lists those the gateway refused for good, waiting for a supervisor.")
    Mono<PaymentList> list(@AuthenticationPrincipal Jwt token,
            @RequestParam(defaultValue = "FAILED") PaymentStatus status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return desk.withStatus(Actors.from(token), status, cursor(cursor), limit).map(this::list);
    }

    @PostMapping(path = "/api/v1/payments/{id}/retry", produces = JSON)
    @Operation(operationId = "retryPayment", summary = "Send a refused (FAILED) payment instruction to the gateway again (supervisor of its county)")
    @ApiResponse(responseCode = "200", description = "Pending again; dispatched at once",
            content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @ApiResponse(responseCode = "409", description = "The instruction is not FAILED: /problems/payment-not-failed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<PaymentResponse> retry(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        PaymentId paymentId;
        try {
            paymentId = PaymentId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(notFound());
        }
        return desk.retry(Actors.from(token), paymentId)
                .map(mapper::toResponse)
                .switchIfEmpty(Mono.error(PaymentController::notFound))
                .onErrorMap(PaymentNotFailedException.class, refused -> new ProblemException(ProblemType.PAYMENT_NOT_FAILED,
                        "This payment instruction is " + refused.status() + "; only FAILED ones can be retried."));
    }

    private PaymentList list(PaymentPage page) {
        return new PaymentList(page.items().stream().map(mapper::toResponse).toList(), page.next() == null ? null : page.next().encode());
    }

    private static @Nullable PaymentCursor cursor(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return PaymentCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this list gave out.");
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No payment instruction with this id, or you may not see it.");
    }
}
