package org.aidline.registry.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One import's counts as its batches are written, keeping only the first errors so that memory and
 * the import's row stay small whatever the file's size. Fed by one sequential stream: not shared.
 */
final class ImportTally {

    private final ImportId id;
    private final @Nullable String regionCode;
    private final String startedBy;
    private final Instant startedAt;
    private final int maxErrors;
    private final List<RowError> errors = new ArrayList<>();
    private long read;
    private long accepted;
    private long refused;
    private long enrolled;
    private long changed;
    private long errorsOmitted;

    ImportTally(ImportId id, @Nullable String regionCode, String startedBy, Instant startedAt, int maxErrors) {
        this.id = id;
        this.regionCode = regionCode;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.maxErrors = maxErrors;
    }

    String startedBy() {
        return startedBy;
    }

    /** Of a batch's errors, those that still fit in the list; the rest only count. */
    List<RowError> listable(List<RowError> batchErrors) {
        int room = Math.max(0, maxErrors - errors.size());
        return batchErrors.size() <= room ? batchErrors : batchErrors.subList(0, room);
    }

    void add(ImportBatch batch, BatchOutcome outcome) {
        read += batch.read();
        accepted += batch.rows().size();
        refused += batch.refused();
        errors.addAll(batch.errors());
        errorsOmitted += batch.errorsOmitted();
        enrolled += outcome.enrolled();
        changed += outcome.changed();
    }

    RegistryImport snapshot(ImportStatus status, @Nullable Instant finishedAt, @Nullable String failure) {
        return new RegistryImport(id, status, regionCode, startedBy, startedAt, finishedAt, read, accepted, refused, enrolled, changed,
                errors, errorsOmitted, failure);
    }
}
