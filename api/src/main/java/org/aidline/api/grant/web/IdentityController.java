package org.aidline.api.grant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.report.web.ReportWebMapper;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.grant.ActionNotAllowedException;
import org.aidline.intake.grant.ConcurrentChangeException;
import org.aidline.intake.grant.IdentityAlreadyKnownException;
import org.aidline.intake.grant.IdentityOutcome;
import org.aidline.intake.grant.SubjectIdentification;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportQueries;
import org.aidline.intake.report.ResidentId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Identity at the visit: the coordinator records the ID number a hotline caller did not know. */
@RestController
@Tag(name = "Grants", description = "Fast-track grants: documents later, overdue documents")
public class IdentityController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final SubjectIdentification identification;
    private final ReportQueries reports;
    private final ReportWebMapper reportMapper;

    IdentityController(SubjectIdentification identification, ReportQueries reports, ReportWebMapper reportMapper) {
        this.identification = identification;
        this.reports = reports;
        this.reportMapper = reportMapper;
    }

    @PostMapping(path = "/api/v1/reports/{id}/identity", consumes = JSON, produces = JSON)
    @Operation(operationId = "verifyIdentity", summary = "Record the subject's ID number (the village's coordinator or the county's supervisor)",
            description = "A grant awaiting identity then starts its documents clock and is paid. If the household already "
                    + "had a fast-track grant in the window, this grant is cancelled (nothing was paid) and the report "
                    + "becomes a DUPLICATE of the household's granted report: still 200, with outcome DUPLICATE.")
    @ApiResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = IdentityResponse.class)))
    @ApiResponse(responseCode = "409", description = "The ID number is already recorded: /problems/identity-already-known; "
            + "or the grant changed at the same moment, retry: /problems/concurrent-change",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<IdentityResponse> identity(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody IdentityRequest request) {
        ReportId report;
        try {
            report = ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(notFound());
        }
        Actor actor = Actors.from(token);
        return identification.record(report, new ResidentId(request.idNumber()), actor)
                .switchIfEmpty(Mono.error(IdentityController::notFound))
                .flatMap(outcome -> reports.find(report, actor).map(found -> new IdentityResponse(outcome.kind().name(),
                        outcome.linkedReport() == null ? null : outcome.linkedReport().toString(), reportMapper.toResponse(found))))
                .onErrorMap(IdentityAlreadyKnownException.class, known -> new ProblemException(ProblemType.IDENTITY_ALREADY_KNOWN,
                        "The subject of this report already has a recorded ID number."))
                .onErrorMap(ActionNotAllowedException.class, denied -> new ProblemException(ProblemType.FORBIDDEN, denied.getMessage()))
                .onErrorMap(ConcurrentChangeException.class, changed -> new ProblemException(ProblemType.CONCURRENT_CHANGE,
                        "The grant changed while the identity was recorded; retry."));
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No report with this id, or you may not see it.");
    }
}
