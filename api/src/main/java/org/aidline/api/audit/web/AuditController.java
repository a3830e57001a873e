package org.aidline.api.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.audit.AuditEvent;
import org.aidline.intake.audit.AuditQuery;
import org.aidline.intake.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Auditors read the trail of their region and have the whole chain recomputed. */
@RestController
@Tag(name = "Audit", description = "The append-only, hash-chained audit trail")
public class AuditController {

    private static final String JSON = "application/json";

    private final AuditTrail trail;
    private final JsonMapper json;

    AuditController(AuditTrail trail, JsonMapper json) {
        this.trail = trail;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/audit", produces = JSON)
    @Operation(operationId = "listAuditEvents", summary = "Audit events of your region, oldest first (auditors)",
            description = "Filter by entity (entityType, entityId), actor and time [from, to); page on with cursor.")
    Mono<AuditList> find(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable String entityType,
            @RequestParam(required = false) @Nullable String entityId,
            @RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        Actor auditor = Actors.from(token);
        if (auditor.region() == null) {
            return Mono.error(new ProblemException(ProblemType.OUTSIDE_REGION, "An auditor's token names the region audited."));
        }
        AuditQuery query = new AuditQuery(auditor.region(), entityType, entityId, actor, from, to, cursor(cursor), limit + 1);
        return trail.find(query).collectList().map(events -> {
            List<AuditEvent> page = events.size() > limit ? events.subList(0, limit) : events;
            String next = events.size() > limit ? Long.toString(page.get(page.size() - 1).id()) : null;
            return new AuditList(page.stream().map(this::view).toList(), next);
        });
    }

    @GetMapping(path = "/api/v1/audit/verify", produces = JSON)
    @Operation(operationId = "verifyAuditChain", summary = "Recompute the whole chain and name the first broken link (auditors)",
            description = "An edited, deleted or inserted event breaks the chain at that event. Events committed in the last "
                    + "second or so are not sealed yet and are counted as pending.")
    Mono<VerificationView> verify() {
        return trail.verify().map(found -> new VerificationView(found.intact(), found.checked(), found.pending(),
                found.intact() ? null : new VerificationView.BrokenLink(found.brokenSeq(), found.brokenEventId(), found.reason())));
    }

    private AuditEventView view(AuditEvent event) {
        return new AuditEventView(event.id(), event.chainSeq(), event.at(), event.actor(), event.requestId(), event.entityType(),
                event.entityId(), event.action(), event.countyCode(), tree(event.before()), tree(event.after()));
    }

    private @Nullable JsonNode tree(@Nullable String text) {
        return text == null ? null : json.readTree(text);
    }

    private static @Nullable Long cursor(@Nullable String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The cursor is not one this service gave out.");
        }
    }
}
