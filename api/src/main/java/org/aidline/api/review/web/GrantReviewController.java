package org.aidline.api.review.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.aidline.api.security.Actors;
import org.aidline.intake.casework.CaseClosure;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.review.GrantUnderReview;
import org.aidline.intake.review.ReviewOutcome;
import org.aidline.intake.review.Supervision;
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
import reactor.core.publisher.Mono;

/** The county supervisor reviews fast-track grants and decides on the part of a request above the cap. */
@RestController
@Tag(name = "Review", description = "Supervisor review of fast-track grants: confirm, adjust, revoke; approval above the cap")
public class GrantReviewController {

    private static final String JSON = "application/json";

    private final Supervision supervision;
    private final ReviewWebMapper mapper;
    private final CaseClosure closure;

    GrantReviewController(Supervision supervision, ReviewWebMapper mapper, CaseClosure closure) {
        this.closure = closure;
        this.supervision = supervision;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/grants/{id}/review", produces = JSON)
    @Operation(operationId = "getGrantUnderReview", summary = "A fast-track grant as its reviewer sees it, with what is paid or being paid (staff of its region)",
            description = "The ETag is the grant's version: send it as If-Match with a decision to make sure it is taken on what you saw.")
    Mono<ResponseEntity<GrantResponse>> grantUnderReview(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        GrantId grantId = parse(id);
        if (grantId == null) {
            return Mono.error(ReviewProblems.notFound("grant"));
        }
        return Mono.defer(() -> supervision.find(grantId, Actors.from(token))).map(this::respond).onErrorMap(ReviewProblems::translate);
    }

    @PostMapping(path = "/api/v1/grants/{id}/review", consumes = JSON, produces = JSON)
    @Operation(operationId = "reviewGrant", summary = "Confirm, adjust or revoke a grant awaiting documents, documented or overdue (the county's supervisors)",
            description = "ADJUST books the signed difference on the ledger and pays it, or recovers what was paid or is being paid "
                    + "above the new amount; REVOKE books the revocation and recovers what was paid or is being paid. "
                    + "A repeated request finds the grant reviewed and is refused, so it never pays twice.")
    @ApiResponse(responseCode = "200", description = "Reviewed", content = @Content(schema = @Schema(implementation = GrantResponse.class)))
    @ApiResponse(responseCode = "409", description = "Not reviewable in its status, or changed meanwhile: /problems/state-conflict, /problems/concurrent-change",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReviewProblems.PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "412", description = "If-Match is not the grant's version: /problems/precondition-failed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReviewProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<GrantResponse>> reviewGrant(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Parameter(description = "The grant's ETag as read, e.g. \"0\"; optional") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Validated @RequestBody ReviewRequest request) {
        if (request.outcome() == ReviewOutcome.ADJUST && request.amount() == null) {
            return Mono.error(ReviewProblems.invalid("amount", "is required to ADJUST"));
        }
        if (request.outcome() != ReviewOutcome.ADJUST && request.amount() != null) {
            return Mono.error(ReviewProblems.invalid("amount", "is only for ADJUST"));
        }
        GrantId grantId = parse(id);
        if (grantId == null) {
            return Mono.error(ReviewProblems.notFound("grant"));
        }
        return Mono.defer(() -> supervision.review(grantId, mapper.toDecision(request), Actors.from(token), ReviewProblems.expectedVersion(ifMatch)))
                // An emergency whose after-payment steps and task are done closes with its review.
                .flatMap(reviewed -> closure.closeIfDone(reviewed.report()).thenReturn(reviewed))
                .map(this::respond)
                .onErrorMap(ReviewProblems::translate);
    }

    @PostMapping(path = "/api/v1/grants/{id}/approval", consumes = JSON, produces = JSON)
    @Operation(operationId = "decideGrantAboveCap", summary = "Approve or refuse the part of a request above the cap (the county's supervisors)",
            description = "Approval adds it to the grant, books it on the ledger and pays it; refusal drops it and records why.")
    @ApiResponse(responseCode = "200", description = "Decided", content = @Content(schema = @Schema(implementation = GrantResponse.class)))
    @ApiResponse(responseCode = "409", description = "Nothing awaits approval, the grant is not payable, or it changed meanwhile",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReviewProblems.PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "412", description = "If-Match is not the grant's version: /problems/precondition-failed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = ReviewProblems.PROBLEM_SCHEMA)))
    Mono<ResponseEntity<GrantResponse>> decideAboveCap(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Parameter(description = "The grant's ETag as read, e.g. \"0\"; optional") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Validated @RequestBody ApprovalRequest request) {
        GrantId grantId = parse(id);
        if (grantId == null) {
            return Mono.error(ReviewProblems.notFound("grant"));
        }
        return Mono.defer(() -> supervision.decideApproval(grantId, mapper.toDecision(request), Actors.from(token),
                        ReviewProblems.expectedVersion(ifMatch)))
                .map(this::respond)
                .onErrorMap(ReviewProblems::translate);
    }

    private ResponseEntity<GrantResponse> respond(GrantUnderReview grant) {
        return ResponseEntity.ok().eTag(ReviewProblems.etag(grant.version())).body(mapper.toResponse(grant));
    }

    private static @Nullable GrantId parse(String id) {
        try {
            return new GrantId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
