package org.aidline.intake.audit;

import java.time.Instant;
import org.aidline.intake.region.RegionScope;
import org.jspecify.annotations.Nullable;

/** Which events an auditor asks for: of a region, optionally one entity, one actor, a time range; after a cursor (event id). */
public record AuditQuery(RegionScope region, @Nullable String entityType, @Nullable String entityId, @Nullable String actor,
        @Nullable Instant from, @Nullable Instant to, @Nullable Long afterId, int limit) {
}
