package org.aidline.api.audit.web;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One audit event: who, when, what, the row before and after, the request, and its place in the chain (null until sealed). */
public record AuditEventView(long id, @Nullable Long chainSeq, Instant at, String actor, @Nullable String requestId, String entityType,
        String entityId, String action, @Nullable String countyCode, @Nullable JsonNode before, @Nullable JsonNode after) {
}
