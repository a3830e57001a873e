package org.aidline.registry.importing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An import as it stands: who sent it for which region (null: the province-wide feed), its counts
 * so far (rows read, accepted, refused; of the accepted, enrolments made and changed, the rest
 * were already so), the first refused rows, and how it ended.
 */
public record RegistryImport(ImportId id, ImportStatus status, @Nullable String regionCode, String startedBy, Instant startedAt,
        @Nullable Instant finishedAt, long read, long accepted, long refused, long enrolled, long changed, List<RowError> errors,
        long errorsOmitted, @Nullable String failure) {

    public RegistryImport {
        errors = List.copyOf(errors);
    }

    /** Accepted rows that changed nothing: the person and enrolment were already as sent. */
    public long unchanged() {
        return Math.max(0, accepted - enrolled - changed);
    }
}
