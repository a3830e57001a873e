package org.aidline.api.grant.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Set;
import org.aidline.api.edge.EntityTags;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.grant.ActionNotAllowedException;
import org.aidline.intake.grant.ConcurrentChangeException;
import org.aidline.intake.grant.GrantCase;
import org.aidline.intake.grant.GrantClosedException;
import org.aidline.intake.grant.GrantCursor;
import org.aidline.intake.grant.GrantDocuments;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantPage;
import org.aidline.intake.grant.GrantQueries;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.grant.StaleGrantException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Grants: what is owed and what came in, documents later under optimistic concurrency, overdue lists for supervisors. */
@RestController
@Tag(name = "Grants", description = "Fast-track grants: documents later, overdue documents")
public class GrantController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";

    private final GrantQueries queries;
    private final GrantDocuments documents;
    private final GrantWebMapper mapper;

    GrantController(GrantQueries queries, GrantDocuments documents, GrantWebMapper mapper) {
        this.queries = queries;
        this.documents = documents;
        this.mapper = mapper;
    }

    @GetMapping(path = "/api/v1/grants/{id}", produces = JSON)
    @Operation(operationId = "getGrant", summary = "A grant: status, amounts, required, attached and missing documents, deadline",
            description = "The citizen who filed the report and staff of its region see it; anyone else gets 404. "
                    + "The ETag names this state: send it as If-Match when attaching documents.")
    @ApiResponse(responseCode = "200", description = "The grant",
            headers = @Header(name = HttpHeaders.ETAG, description = "The grant's current version", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = GrantResponse.class)))
    Mono<ResponseEntity<GrantResponse>> grant(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        return queries.find(grantId(id), Actors.from(token))
                .map(this::respond)
                .switchIfEmpty(Mono.error(GrantController::notFound));
    }

    @PostMapping(path = "/api/v1/grants/{id}/documents", consumes = JSON, produces = JSON)
    @Operation(operationId = "attachGrantDocuments", summary = "Attach documents to a grant (the citizen who filed the report, or the village's coordinator)",
            description = "Requires If-Match with the grant's current ETag: a client that missed a change gets 412 and "
                    + "never overwrites it. When every required document is in, the grant becomes DOCUMENTED.")
    @ApiResponse(responseCode = "200", description = "Attached; the grant with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, description = "The grant's new version", schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = GrantResponse.class)))
    @ApiResponse(responseCode = "409", description = "The grant is confirmed or revoked: /problems/grant-closed; "
            + "or its report changed at the same moment, retry: /problems/concurrent-change",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "412", description = "The grant changed since the ETag sent: /problems/precondition-failed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "428", description = "No If-Match: /problems/precondition-required",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Mono<ResponseEntity<GrantResponse>> attach(
            @AuthenticationPrincipal Jwt token,
            @PathVariable String id,
            @Parameter(description = "The ETag of the grant as last read", required = true, example = "\"0\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody DocumentsRequest request) {
        GrantId grant = grantId(id);
        if (ifMatch == null || ifMatch.isBlank() || EntityTags.isWildcard(ifMatch)) {
            return Mono.error(new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the grant as you last read it."));
        }
        Set<Integer> versions = EntityTags.versions(ifMatch);
        return documents.attach(grant, Actors.from(token), versions, request.documents().stream().map(mapper::toAttachment).toList())
                .map(this::respond)
                .switchIfEmpty(Mono.error(GrantController::notFound))
                .onErrorMap(StaleGrantException.class, stale -> new ProblemException(ProblemType.PRECONDITION_FAILED,
                        "The grant changed since the ETag you sent: read it again and retry with its new ETag."))
                .onErrorMap(GrantClosedException.class, closed -> new ProblemException(ProblemType.GRANT_CLOSED,
                        "The grant is " + closed.status() + " and takes no more documents."))
                .onErrorMap(ActionNotAllowedException.class, denied -> new ProblemException(ProblemType.FORBIDDEN, denied.getMessage()))
                .onErrorMap(ConcurrentChangeException.class, changed -> new ProblemException(ProblemType.CONCURRENT_CHANGE,
                        "The report's history changed at the same moment; retry with the same ETag."));
    }

    @GetMapping(path = "/api/v1/grants", produces = JSON)
    @Operation(operationId = "listGrants", summary = "Grants of a status in your region, oldest due first (supervisors, auditors)",
            description = "By default the OVERDUE ones: documents past their deadline, escalated to the county supervisor.")
    Mono<GrantList> list(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "AWAITING_DOCUMENTS, DOCUMENTED or OVERDUE")
            @RequestParam(defaultValue = "OVERDUE") GrantStatus status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (!status.hasDocumentsClock()) {
            return Mono.error(new ProblemException(ProblemType.BAD_PARAMETER,
                    "Grants are listed by due date: status is AWAITING_DOCUMENTS, DOCUMENTED or OVERDUE."));
        }
        return queries.withStatus(Actors.from(token), status, cursor(cursor), limit).map(this::list);
    }

    private ResponseEntity<GrantResponse> respond(GrantCase grant) {
        return ResponseEntity.ok().eTag(EntityTags.of(grant.grant().version())).body(mapper.toResponse(grant));
    }

    private GrantList list(GrantPage page) {
        return new GrantList(page.grants().stream().map(mapper::toResponse).toList(), page.next() == null ? null : page.next().encode());
    }

    private static GrantId grantId(String id) {
        try {
            return new GrantId(java.util.UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static @Nullable GrantCursor cursor(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return GrantCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this list gave out.");
        }
    }

    static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No grant with this id, or you may not see it.");
    }
}
