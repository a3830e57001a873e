package org.aidline.intake.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded change or read: who, when, what (entity and action), the row before and after as
 * JSON, the request, and its place in the chain (null until sealed, about a second after commit).
 */
public record AuditEvent(long id, @Nullable Long chainSeq, Instant at, String actor, @Nullable String requestId, String entityType,
        String entityId, String action, @Nullable String countyCode, @Nullable String before, @Nullable String after) {
}
