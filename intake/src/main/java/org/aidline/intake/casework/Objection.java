package org.aidline.intake.casework;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An objection raised during a case's public notice, and how it was resolved. */
public record Objection(UUID id, String raisedBy, Instant raisedAt, @Nullable String objector, String statement, Status status,
        @Nullable String resolvedBy, @Nullable Instant resolvedAt, @Nullable String resolution) {

    public enum Status {
        OPEN,
        /** Found right: the decision takes it into account. */
        UPHELD,
        /** Found wrong. */
        DISMISSED
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
