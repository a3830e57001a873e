package org.aidline.api.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aidline.api.idempotency.IdempotentFiling;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Hotline operators file reports for callers in their region. */
@RestController
@Tag(name = "Hotline", description = "Reports filed by hotline operators")
public class HotlineReportController {

    private final IdempotentFiling filing;
    private final ReportWebMapper mapper;
    private final ReportRendering rendering;
    private final IntakeMetrics metrics;

    HotlineReportController(IdempotentFiling filing, ReportWebMapper mapper, ReportRendering rendering, IntakeMetrics metrics) {
        this.filing = filing;
        this.mapper = mapper;
        this.rendering = rendering;
        this.metrics = metrics;
    }

    @PostMapping(path = "/api/v1/hotline/reports", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "fileHotlineReport", summary = "File a report for a caller (operators, village inside their region)",
            description = "The subject's ID number may be missing: the coordinator completes it at the visit. "
                    + "An Idempotency-Key is recommended.")
    @ApiResponse(responseCode = "201", description = "Filed", content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    Mono<ResponseEntity<String>> file(
            @AuthenticationPrincipal Jwt token,
            @Parameter(description = "A unique value per report, reused on every retry of it")
            @RequestHeader(name = IdempotentFiling.HEADER, required = false) @Nullable String idempotencyKey,
            @Validated(Channels.Hotline.class) @RequestBody ReportRequest request) {
        Actor operator = Actors.from(token);
        if (!operator.worksIn(new VillageCode(request.villageCode()), Role.OPERATOR)) {
            return Mono.error(new ProblemException(ProblemType.OUTSIDE_REGION, "The village is outside the region you work in."));
        }
        return metrics.timed(Channel.HOTLINE, filing.file(operator, mapper.toNewReport(request, Channel.HOTLINE, operator.subject()),
                idempotencyKey, rendering.canonical("/api/v1/hotline/reports", request), rendering::render));
    }
}
