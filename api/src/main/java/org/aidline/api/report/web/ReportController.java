package org.aidline.api.report.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.aidline.api.casework.web.CaseViews;
import org.aidline.api.idempotency.IdempotentFiling;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemHandler;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.casework.CaseKind;
import org.aidline.intake.casework.Casework;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.PhoneNumber;
import org.aidline.intake.report.ReportCursor;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportPage;
import org.aidline.intake.report.ReportQueries;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Citizens file and follow their reports; staff read the reports of their region. */
@RestController
@Tag(name = "Reports", description = "Hardship reports: file, read, find")
public class ReportController {

    private static final String JSON = "application/json";

    /** A report rejected or linked as a duplicate at triage has no case. */
    private static final Set<String> WITHOUT_CASE = Set.of(ReportStatus.REJECTED.name(), ReportStatus.DUPLICATE.name());

    private final IdempotentFiling filing;
    private final ReportQueries queries;
    private final ReportWebMapper mapper;
    private final ReportRendering rendering;
    private final IntakeMetrics metrics;
    private final Casework casework;
    private final CaseViews cases;
    private final ReportClocks clocks;

    ReportController(IdempotentFiling filing, ReportQueries queries, ReportWebMapper mapper, ReportRendering rendering,
            IntakeMetrics metrics, Casework casework, CaseViews cases, ReportClocks clocks) {
        this.filing = filing;
        this.queries = queries;
        this.mapper = mapper;
        this.rendering = rendering;
        this.metrics = metrics;
        this.casework = casework;
        this.cases = cases;
        this.clocks = clocks;
    }

    @PostMapping(path = "/api/v1/reports", consumes = JSON, produces = JSON)
    @Operation(operationId = "fileReport", summary = "File a report about yourself or your household (citizens)",
            description = "Requires an Idempotency-Key: a retry with the same key and body answers the first response "
                    + "without filing twice.")
    @ApiResponse(responseCode = "201", description = "Filed (or, with Idempotent-Replayed: true, filed earlier by the same request)",
            content = @Content(schema = @Schema(implementation = ReportResponse.class)))
    Mono<ResponseEntity<String>> file(
            @AuthenticationPrincipal Jwt token,
            @Parameter(description = "A unique value per report, reused on every retry of it", required = true)
            @RequestHeader(name = IdempotentFiling.HEADER, required = false) @Nullable String idempotencyKey,
            @Validated(Channels.SelfReport.class) @RequestBody ReportRequest request) {
        if (idempotencyKey == null) {
            return Mono.error(new ProblemException(ProblemType.IDEMPOTENCY_KEY_MISSING,
                    "Send an Idempotency-Key header so that a retry never files a second report."));
        }
        Actor citizen = Actors.from(token);
        return metrics.timed(Channel.APP, filing.file(citizen, mapper.toNewReport(request, Channel.APP, citizen.subject()),
                idempotencyKey, rendering.canonical("/api/v1/reports", request), rendering::render));
    }

    @GetMapping(path = "/api/v1/reports/{id}", produces = JSON)
    @Operation(operationId = "getReport", summary = "A report with its status and history",
            description = "Citizens see their own reports, staff those of their region; anything else is 404. Once its coordinator "
                    + "task is open, workOrder shows the task's sign-for and handling deadlines and its light (GREEN, YELLOW, RED).")
    Mono<ReportResponse> report(@AuthenticationPrincipal Jwt token, @PathVariable String id, ServerWebExchange exchange) {
        ReportId reportId;
        try {
            reportId = ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(notFound());
        }
        Actor reader = Actors.from(token);
        return queries.find(reportId, reader)
                .map(mapper::toResponse)
                .flatMap(response -> WITHOUT_CASE.contains(response.status()) ? Mono.just(response) : casework.find(reportId, reader)
                        .filter(file -> file.kind() != CaseKind.NONE || !file.referrals().isEmpty())
                        .map(file -> ReportResponse.withCase(response, cases.of(file, reader, ProblemHandler.locale(exchange))))
                        .defaultIfEmpty(response))
                .flatMap(response -> clocks.of(reportId).map(clock -> ReportResponse.withWorkOrder(response, clock)).defaultIfEmpty(response))
                .switchIfEmpty(Mono.error(ReportController::notFound));
    }

    @GetMapping(path = "/api/v1/me/reports", produces = JSON)
    @Operation(operationId = "listMyReports", summary = "The citizen's own reports, newest first")
    Mono<ReportList> mine(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.filedBy(Actors.from(token), cursor(cursor), limit).map(this::list);
    }

    @GetMapping(path = "/api/v1/reports", produces = JSON)
    @Operation(operationId = "findReportsByPhone", summary = "Find reports in your region by the subject's or the caller's phone (operators, supervisors)")
    Mono<ReportList> byPhone(@AuthenticationPrincipal Jwt token,
            @RequestParam @ValidPhone String phone,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.withPhone(Actors.from(token), PhoneNumber.parse(phone), cursor(cursor), limit).map(this::list);
    }

    private ReportList list(ReportPage page) {
        return new ReportList(page.reports().stream().map(mapper::toSummary).toList(),
                page.next() == null ? null : page.next().encode());
    }

    private static @Nullable ReportCursor cursor(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return ReportCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this list gave out.");
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No report with this id, or you may not see it.");
    }
}
