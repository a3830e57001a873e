package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.report.web.ReportResponse;
import org.aidline.api.report.web.ReportWebMapper;
import org.aidline.api.security.Actors;
import org.aidline.intake.money.Money;
import org.aidline.intake.monitoring.FlagClosing;
import org.aidline.intake.monitoring.FlagOutcomeConflictException;
import org.aidline.intake.monitoring.FlagOutcomes;
import org.aidline.intake.monitoring.FlagReportNotFoundException;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.report.ReportId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The county supervisor closes a suspicious-data flag's report with what the check found; the registry acts on it. */
@RestController
@Tag(name = "Monitoring")
public class FlagOutcomeController {

    private static final String JSON = "application/json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final FlagOutcomes outcomes;
    private final ReportWebMapper reports;

    FlagOutcomeController(FlagOutcomes outcomes, ReportWebMapper reports) {
        this.outcomes = outcomes;
        this.reports = reports;
    }

    @PostMapping(path = "/api/v1/reports/{id}/flag-outcome", consumes = JSON, produces = JSON)
    @Operation(operationId = "recordFlagOutcome", summary = "Record what checking a monitoring flag found (the county's supervisors)",
            description = "Once per flag: the report closes (unless closed or rejected already) with a FLAG_OUTCOME step in its history, "
                    + "and the registry applies the outcome to the person's enrolments (matched by the flag's ID number): SUSPENDED "
                    + "pauses the active ones, ENDED ends them, AMOUNT_CHANGED sets the programme's monthly amount, CLEARED leaves "
                    + "them as they are; each change is kept in the enrolment's history with source FLAG_OUTCOME.")
    @ApiResponse(responseCode = "200", description = "Recorded: the report with its history",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    @ApiResponse(responseCode = "409", description = "Not a flag's report, or its outcome was recorded already: /problems/state-conflict",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<ReportResponse> record(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody FlagOutcomeRequest request) {
        ReportId reportId;
        try {
            reportId = ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.notFound("report"));
        }
        FlagClosing closing;
        try {
            closing = new FlagClosing(request.outcome(), request.programme() == null ? null : request.programme().name(),
                    request.newMonthlyAmountFen() == null ? null : Money.ofFen(request.newMonthlyAmountFen()), request.note());
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.invalid("outcome", e.getMessage()));
        }
        return Mono.defer(() -> outcomes.record(reportId, closing, Actors.from(token)))
                .map(reports::toResponse)
                .onErrorMap(FlagOutcomeController::translate);
    }

    private static Throwable translate(Throwable failure) {
        if (failure instanceof FlagReportNotFoundException) {
            return new ProblemException(ProblemType.NOT_FOUND, failure.getMessage());
        }
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.OUTSIDE_REGION, failure.getMessage());
        }
        if (failure instanceof FlagOutcomeConflictException) {
            return new ProblemException(ProblemType.STATE_CONFLICT, failure.getMessage());
        }
        return failure;
    }
}
