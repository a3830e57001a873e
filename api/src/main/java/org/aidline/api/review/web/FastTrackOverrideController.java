package org.aidline.api.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aidline.api.report.web.ReportResponse;
import org.aidline.api.report.web.ReportWebMapper;
import org.aidline.api.security.Actors;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.review.Supervision;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The county supervisor sets the one-grant-per-household rule aside for a duplicate report, with a reason. */
@RestController
@Tag(name = "Review")
public class FastTrackOverrideController {

    private static final String JSON = "application/json";

    private final Supervision supervision;
    private final ReportWebMapper reports;

    FastTrackOverrideController(Supervision supervision, ReportWebMapper reports) {
        this.supervision = supervision;
        this.reports = reports;
    }

    @PostMapping(path = "/api/v1/reports/{id}/fast-track-override", consumes = JSON, produces = JSON)
    @Operation(operationId = "overrideDuplicate", summary = "Fast-track a duplicate report after all (the county's supervisors)",
            description = "Only the one-grant-per-household rule is set aside: the report must be one triage would fast-track "
                    + "as the household's first. The grant follows the policy in force now and records the reason.")
    @ApiResponse(responseCode = "200", description = "Granted: the report, now fast-tracked, with its grant and history",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @ApiResponse(responseCode = "409", description = "Not a duplicate (any more), or not a fast-track case: /problems/state-conflict",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReviewProblems.PROBLEM_SCHEMA)))
    Mono<ReportResponse> overrideDuplicate(@AuthenticationPrincipal Jwt token, @PathVariable String id, @Validated @RequestBody OverrideRequest request) {
        ReportId reportId;
        try {
            reportId = ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(ReviewProblems.notFound("report"));
        }
        return Mono.defer(() -> supervision.overrideDuplicate(reportId, request.reason(), Actors.from(token)))
                .map(reports::toResponse)
                .onErrorMap(ReviewProblems::translate);
    }
}
