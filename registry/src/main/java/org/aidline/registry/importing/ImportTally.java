package org.aidline.registry.importing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One import's counts as its batches are written, keeping only the first errors so that memory and
 * the import's row stay small whatever the file's size. Batches are listed before they are written and
 * added once written, both in file order but on different threads, while others are written: synchronized.
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
    private long listed;

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

    /** The batch with those of its errors that still fit in the list (in file order: batches come in order); the rest only count. */
    synchronized ImportBatch listed(ImportBatch batch) {
        int room = (int) Math.max(0, maxErrors - listed);
        List<RowError> fit = batch.errors().size() <= room ? batch.errors() : batch.errors().subList(0, room);
        listed += fit.size();
        return new ImportBatch(batch.rows(), batch.read(), batch.refused(), fit,
                batch.errorsOmitted() + batch.errors().size() - fit.size());
    }

    synchronized void add(ImportBatch batch, BatchOutcome outcome) {
        read += batch.read();
        accepted += batch.rows().size();
        refused += batch.refused();
        errors.addAll(batch.errors());
        errorsOmitted += batch.errorsOmitted();
        enrolled += outcome.enrolled();
        changed += outcome.changed();
    }

    synchronized RegistryImport snapshot(ImportStatus status, @Nullable Instant finishedAt, @Nullable String failure) {
        return new RegistryImport(id, status, regionCode, startedBy, startedAt, finishedAt, read, accepted, refused, enrolled, changed,
                errors, errorsOmitted, failure);
    }
}
