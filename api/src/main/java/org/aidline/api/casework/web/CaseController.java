package org.aidline.api.casework.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import org.aidline.api.edge.EntityTags;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemHandler;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.casework.CaseFile;
import org.aidline.intake.casework.Casework;
import org.aidline.intake.casework.DecisionRequest;
import org.aidline.intake.casework.Deliberation;
import org.aidline.intake.casework.Investigation;
import org.aidline.intake.casework.Outcome;
import org.aidline.intake.casework.RefusalReason;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The ordinary case: the coordinator's investigation, the means test, the village deliberation,
 * the public notice and its objections, then the decision by the township (within its cap, filed
 * upward) or the county. Every answer is the case as it stands after, with its version as ETag.
 */
@RestController
@Tag(name = "Cases", description = "Ordinary cases: steps, notice and objections, decisions by township and county")
public class CaseController {

    private static final String JSON = "application/json";

    private final Casework casework;
    private final CaseViews views;

    CaseController(Casework casework, CaseViews views) {
        this.casework = casework;
        this.views = views;
    }

    @GetMapping(path = "/api/v1/reports/{id}/case", produces = JSON)
    @Operation(operationId = "getCase", summary = "A report's case: steps, objections, decision (the citizen who filed it, staff of its region)",
            description = "Citizens see where the case stands and the decision with its reason in their language; findings, "
                    + "registry answers and objectors are for staff. The ETag is what a decision's If-Match names.")
    @ApiResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    Mono<ResponseEntity<CaseView>> find(@AuthenticationPrincipal Jwt token, @PathVariable String id, ServerWebExchange exchange) {
        return respond(id, token, exchange, (report, actor) -> casework.find(report, actor));
    }

    @PostMapping(path = "/api/v1/reports/{id}/investigation", consumes = JSON, produces = JSON)
    @Operation(operationId = "recordInvestigation", summary = "Record the household investigation (the village's coordinators, supervisors of the region)")
    @ApiResponse(responseCode = "200", description = "Recorded: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @ApiResponse(responseCode = "409", description = "Done already, not asked for by the policy, or the case takes no more steps: "
            + "/problems/state-conflict", content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CaseView>> investigate(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody CaseRequests.InvestigationRequest request, ServerWebExchange exchange) {
        Investigation investigation = new Investigation(request.findings(), request.householdSituation(),
                request.recommendedAmount() == null ? null : Money.ofYuan(request.recommendedAmount()));
        return respond(id, token, exchange, (report, actor) -> casework.investigate(report, investigation, actor));
    }

    @PostMapping(path = "/api/v1/reports/{id}/means-test", produces = JSON)
    @Operation(operationId = "testMeans", summary = "Run the means test: every configured registry asked about the household now (coordinators, supervisors)",
            description = "The verdict is CLEAR, FLAGGED (a registry holds something; the decider reads what) or INCOMPLETE "
                    + "(a registry has not answered: run it again).")
    @ApiResponse(responseCode = "200", description = "Run: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @ApiResponse(responseCode = "409", description = "The investigation comes first (/problems/step-open), or the household's ID "
            + "number is not known (/problems/state-conflict)",
            content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CaseView>> testMeans(@AuthenticationPrincipal Jwt token, @PathVariable String id, ServerWebExchange exchange) {
        return respond(id, token, exchange, casework::testMeans);
    }

    @PostMapping(path = "/api/v1/reports/{id}/deliberation", consumes = JSON, produces = JSON)
    @Operation(operationId = "deliberateReport", summary = "Record the village deliberation, where the policy asks for one (coordinators, supervisors)")
    @ApiResponse(responseCode = "200", description = "Recorded: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    Mono<ResponseEntity<CaseView>> deliberate(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody CaseRequests.DeliberationRequest request, ServerWebExchange exchange) {
        if (request.inFavour() + request.against() > request.present()) {
            return Mono.error(ProblemException.invalid("present", "must be at least inFavour + against"));
        }
        Deliberation deliberation = new Deliberation(request.verdict(), request.present(), request.inFavour(), request.against(),
                request.note());
        return respond(id, token, exchange, (report, actor) -> casework.deliberate(report, deliberation, actor));
    }

    @PostMapping(path = "/api/v1/reports/{id}/notice", produces = JSON)
    @Operation(operationId = "openNotice", summary = "Open the public notice for the policy's days, or those given (supervisors of the region)",
            description = "What is published is masked: the household's surname initial, the village, the category and the "
                    + "amount proposed; no ID number, no full name. The decision waits until the notice has ended. A notice "
                    + "posted on the village's board before it is recorded here gives postedAt: its days count from then.")
    @ApiResponse(responseCode = "200", description = "Opened: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    Mono<ResponseEntity<CaseView>> openNotice(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody(required = false) CaseRequests.@Nullable NoticeRequest request, ServerWebExchange exchange) {
        Integer days = request == null ? null : request.days();
        Instant postedAt = request == null ? null : request.postedAt();
        return respond(id, token, exchange, (report, actor) -> casework.openNotice(report, days, postedAt, actor));
    }

    @PostMapping(path = "/api/v1/reports/{id}/objections", consumes = JSON, produces = JSON)
    @Operation(operationId = "fileObjection", summary = "Record an objection to a running notice (staff of the region; an operator for a caller)")
    @ApiResponse(responseCode = "200", description = "Recorded: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @ApiResponse(responseCode = "409", description = "No notice runs: /problems/state-conflict",
            content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CaseView>> object(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody CaseRequests.ObjectionRequest request, ServerWebExchange exchange) {
        return respond(id, token, exchange, (report, actor) -> casework.object(report, request.statement(), request.objector(), actor));
    }

    @PostMapping(path = "/api/v1/reports/{id}/objections/{objectionId}/resolution", consumes = JSON, produces = JSON)
    @Operation(operationId = "resolveObjection", summary = "Resolve an objection: UPHELD or DISMISSED, with the reason (supervisors of the region)")
    @ApiResponse(responseCode = "200", description = "Resolved: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    Mono<ResponseEntity<CaseView>> resolve(@AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable String objectionId,
            @Validated @RequestBody CaseRequests.ObjectionResolutionRequest request, ServerWebExchange exchange) {
        UUID objection = uuid(objectionId);
        if (objection == null) {
            return Mono.error(ProblemException.notFound("objection"));
        }
        boolean upheld = request.outcome() == CaseRequests.ObjectionResolutionRequest.Resolution.UPHELD;
        return respond(id, token, exchange, (report, actor) -> casework.resolveObjection(report, objection, upheld, request.resolution(), actor));
    }

    @PostMapping(path = "/api/v1/reports/{id}/decision", consumes = JSON, produces = JSON)
    @Operation(operationId = "decideReport", summary = "Decide an ordinary case: GRANT an amount or REFUSE with a reason (township or county supervisors)",
            description = "A township's supervisor decides within the township's cap; the decision is filed upward and appears in "
                    + "the county's filed-decisions queue. Above the cap the township's GRANT is a recommendation and the county "
                    + "decides. GRANT makes the grant, its ledger entry and its payment at once. Refused while a step is open, the "
                    + "notice runs or an objection is unresolved (409 /problems/step-open, naming the step in openStep). "
                    + "If-Match: the case's ETag as read.")
    @ApiResponse(responseCode = "200", description = "Decided (or recommended): the case",
            content = @Content(schema = @Schema(implementation = CaseView.class)))
    @ApiResponse(responseCode = "409", description = "A step open (/problems/step-open), or decided already / not an ordinary case "
            + "(/problems/state-conflict)", content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "412", description = "The case changed since the ETag sent: /problems/precondition-failed",
            content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "428", description = "No If-Match: /problems/precondition-required",
            content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CaseView>> decide(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Parameter(description = "The case's ETag as last read", required = true, example = "\"4\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Validated @RequestBody CaseRequests.DecisionBody request, ServerWebExchange exchange) {
        if (request.outcome() == Outcome.GRANT && request.amount() == null) {
            return Mono.error(ProblemException.invalid("amount", "is required to GRANT"));
        }
        if (request.outcome() == Outcome.REFUSE && request.amount() != null) {
            return Mono.error(ProblemException.invalid("amount", "is only for GRANT"));
        }
        if (request.outcome() == Outcome.REFUSE && request.reason() == null) {
            return Mono.error(ProblemException.invalid("reason", "is required to REFUSE: the citizen is told why in writing"));
        }
        if (request.outcome() == Outcome.GRANT && request.reason() != null) {
            return Mono.error(ProblemException.invalid("reason", "is only for REFUSE"));
        }
        if (request.reason() == RefusalReason.OTHER && (request.note() == null || request.note().isBlank())) {
            return Mono.error(ProblemException.invalid("note", "is required when the reason is OTHER"));
        }
        if (ifMatch == null || ifMatch.isBlank() || EntityTags.isWildcard(ifMatch)) {
            return Mono.error(new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the case as you last read it (GET /api/v1/reports/{id}/case)."));
        }
        Set<Integer> versions = EntityTags.versions(ifMatch);
        DecisionRequest decision = new DecisionRequest(request.outcome(),
                request.amount() == null ? null : Money.ofYuan(request.amount()), request.reason(), request.basis(), request.note());
        return respond(id, token, exchange, (report, actor) -> casework.decide(report, decision, actor, versions));
    }

    @PostMapping(path = "/api/v1/supervision/filed-decisions/{decisionId}/review", consumes = JSON, produces = JSON)
    @Operation(operationId = "reviewFiledDecision", summary = "Note a township's filed decision as SEEN, or OVERTURN it while the policy allows (the county's supervisors)",
            description = "Overturning a refusal reopens the case for the county's decision; overturning a grant puts the grant "
                    + "under the county's review (confirm, adjust or revoke with recovery, at /api/v1/grants/{id}/review).")
    @ApiResponse(responseCode = "200", description = "Reviewed: the case", content = @Content(schema = @Schema(implementation = CaseView.class)))
    @ApiResponse(responseCode = "409", description = "Reviewed already, not filed, or past the time to overturn: /problems/state-conflict",
            content = @Content(mediaType = CaseProblems.PROBLEM, schema = @Schema(ref = CaseProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CaseView>> reviewFiled(@AuthenticationPrincipal Jwt token, @PathVariable String decisionId,
            @Validated @RequestBody CaseRequests.FilingReviewBody request, ServerWebExchange exchange) {
        UUID decision = uuid(decisionId);
        if (decision == null) {
            return Mono.error(ProblemException.notFound("filed decision"));
        }
        Actor actor = Actors.from(token);
        return Mono.defer(() -> casework.reviewFiled(decision, request.filing(), request.note(), actor))
                .map(file -> respond(file, actor, exchange))
                .onErrorMap(CaseProblems::translate);
    }

    private Mono<ResponseEntity<CaseView>> respond(String id, Jwt token, ServerWebExchange exchange,
            BiFunction<ReportId, Actor, Mono<CaseFile>> action) {
        ReportId report;
        try {
            report = ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.notFound("report"));
        }
        Actor actor = Actors.from(token);
        return Mono.defer(() -> action.apply(report, actor))
                .map(file -> respond(file, actor, exchange))
                .onErrorMap(CaseProblems::translate);
    }

    private ResponseEntity<CaseView> respond(CaseFile file, Actor actor, ServerWebExchange exchange) {
        return ResponseEntity.ok().eTag(EntityTags.of(file.version())).body(views.of(file, actor, ProblemHandler.locale(exchange)));
    }

    private static @Nullable UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
