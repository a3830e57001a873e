package org.aidline.api.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.aidline.api.idempotency.IdempotentFiling;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.OrderNumberTakenException;
import org.aidline.intake.report.Reports;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The provincial 12345 hotline platform files its work orders here, province-wide: each becomes a
 * hotline report carrying its order number, filed once however often the order is sent.
 */
@RestController
@Tag(name = "Hotline", description = "Reports filed by hotline operators")
public class WorkOrderController {

    static final String PATH = "/api/v1/hotline/work-orders";
    /** Receipts of work orders live under their own keys, apart from any Idempotency-Key a client chose itself. */
    static final String KEY_NAMESPACE = "12345:";

    private final IdempotentFiling filing;
    private final Reports reports;
    private final ReportWebMapper mapper;
    private final ReportRendering rendering;
    private final IntakeMetrics metrics;

    WorkOrderController(IdempotentFiling filing, Reports reports, ReportWebMapper mapper, ReportRendering rendering, IntakeMetrics metrics) {
        this.filing = filing;
        this.reports = reports;
        this.mapper = mapper;
        this.rendering = rendering;
        this.metrics = metrics;
    }

    @PostMapping(path = PATH, consumes = "application/json", produces = "application/json")
    @Operation(operationId = "fileWorkOrder", summary = "File a 12345 work order (the hotline platform)",
            description = "The orderNumber is the idempotency key: the same order sent again is answered with the same report "
                    + "(Idempotent-Replayed: true), the same number with another body is 422. An Idempotency-Key header, if sent, "
                    + "must repeat the orderNumber (else 400 /problems/idempotency-key-mismatch). The order's status changes are "
                    + "sent to the platform's webhook.")
    @ApiResponse(responseCode = "201", description = "Filed", content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    Mono<ResponseEntity<String>> fileWorkOrder(
            @AuthenticationPrincipal Jwt token,
            @Parameter(description = "Optional; if sent, the orderNumber again")
            @RequestHeader(name = IdempotentFiling.HEADER, required = false) @Nullable String idempotencyKey,
            @Validated(Channels.Hotline.class) @RequestBody WorkOrderRequest order) {
        if (idempotencyKey != null && !idempotencyKey.equals(order.orderNumber())) {
            return Mono.error(new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISMATCH,
                    "The Idempotency-Key header differs from the orderNumber, which is the work order's idempotency key."));
        }
        Actor platform = Actors.from(token);
        ReportRequest report = order.report();
        return metrics.timed(Channel.HOTLINE, filing.file(platform,
                        NewReport.workOrder(mapper.toNewReport(report, Channel.HOTLINE, platform.subject()), order.orderNumber()),
                        KEY_NAMESPACE + order.orderNumber(), rendering.canonical(PATH, report), rendering::render))
                // Filed already under another receipt (another of the platform's clients): the database's unique order
                // number refused a second report; the first one is the answer.
                .onErrorResume(OrderNumberTakenException.class, taken -> reports.byOrderNumber(order.orderNumber())
                        .map(first -> ResponseEntity.status(HttpStatus.CREATED)
                                .location(URI.create("/api/v1/reports/" + first.id()))
                                .header(IdempotentFiling.REPLAYED_HEADER, "true")
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(rendering.render(first)))
                        .switchIfEmpty(Mono.error(taken)));
    }
}
