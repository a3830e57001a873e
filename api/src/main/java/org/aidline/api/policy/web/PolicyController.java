package org.aidline.api.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.policy.InvalidPolicyException;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.policy.PolicyAdministration;
import org.aidline.intake.policy.PolicyNotFoundException;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.policy.StalePolicyException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Policy is data: staff read the policy in force for their county; its supervisor puts a new version in force. */
@RestController
@Tag(name = "Policies", description = "Caps, amounts, documents, deadlines and SLAs per county, versioned")
public class PolicyController {

    private static final String JSON = "application/json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final PolicyAdministration administration;
    private final PolicyWebMapper mapper;

    PolicyController(PolicyAdministration administration, PolicyWebMapper mapper) {
        this.administration = administration;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/policies/{countyCode}", produces = JSON)
    @Operation(operationId = "getPolicyInForce", summary = "The policy in force for a county: its own latest version, or the province default (staff working in the county)",
            description = "640000 is the province default. The ETag names the version; send it as If-Match to change the policy.")
    Mono<ResponseEntity<PolicyResponse>> policyInForce(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @PathVariable String countyCode) {
        return Mono.defer(() -> administration.inForce(countyCode, Actors.from(token)))
                .map(revision -> ResponseEntity.ok()
                        .eTag(PolicyETags.of(revision.versionRef()))
                        .body(mapper.toResponse(revision, countyCode)))
                .onErrorMap(PolicyController::problem);
    }

    @GetMapping(path = "/api/v1/policies/{countyCode}/versions", produces = JSON)
    @Operation(operationId = "listPolicyVersions", summary = "Every version of the county's own policy, newest first (staff working in the county)")
    Mono<PolicyHistory> policyHistory(@AuthenticationPrincipal Jwt token, @Parameter(example = "640104") @PathVariable String countyCode) {
        return Mono.defer(() -> administration.history(countyCode, Actors.from(token)))
                .map(revisions -> mapper.toHistory(countyCode, revisions))
                .onErrorMap(PolicyController::problem);
    }

    @PutMapping(path = "/api/v1/policies/{countyCode}", consumes = JSON, produces = JSON)
    @Operation(operationId = "changePolicy", summary = "Put a new version of the county's policy in force (the county's supervisors)",
            description = "Inserts a new version; earlier versions stay as they were, and decisions keep the version they used.")
    @ApiResponse(responseCode = "200", description = "The new version is in force",
            content = @Content(schema = @Schema(implementation = PolicyResponse.class)))
    @ApiResponse(responseCode = "412", description = "If-Match is not the version in force: /problems/precondition-failed",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "428", description = "No If-Match: /problems/precondition-required",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<ResponseEntity<PolicyResponse>> changePolicy(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @PathVariable String countyCode,
            @Parameter(description = "The ETag of the policy in force that this change is based on, or *", required = true, example = "\"640000-1\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Validated @RequestBody PolicyRequest request) {
        if (ifMatch == null) {
            return Mono.error(new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the policy you are changing, as GET answered it."));
        }
        PolicyVersion basedOn = PolicyETags.parse(ifMatch);
        return Mono.defer(() -> administration.change(countyCode, mapper.toChange(request), basedOn, Actors.from(token)))
                .map(revision -> ResponseEntity.ok()
                        .eTag(PolicyETags.of(revision.versionRef()))
                        .body(mapper.toResponse(revision, countyCode)))
                .onErrorMap(PolicyController::problem);
    }

    static Throwable problem(Throwable failure) {
        if (failure instanceof PolicyNotFoundException) {
            return new ProblemException(ProblemType.NOT_FOUND, "No such county, or not one you work in.");
        }
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.OUTSIDE_REGION, failure.getMessage());
        }
        if (failure instanceof StalePolicyException stale) {
            return new ProblemException(ProblemType.PRECONDITION_FAILED, "The policy in force is now " + stale.inForce()
                    + " (ETag " + PolicyETags.of(stale.inForce()) + "); read it again and decide again.");
        }
        if (failure instanceof InvalidPolicyException invalid) {
            List<FieldError> errors = invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
            return new ProblemException(ProblemType.VALIDATION, "Some fields of the request are missing or invalid; see errors.",
                    java.util.Map.of("errors", errors));
        }
        return failure;
    }
}
