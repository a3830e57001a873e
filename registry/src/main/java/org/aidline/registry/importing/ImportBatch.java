package org.aidline.registry.importing;

import java.util.List;

/**
 * A batch as it is written, in one transaction with its counts: the accepted rows, and how many rows
 * it read and refused, with the refused rows' errors that still fit in the import's list (all of them
 * while it waits its turn: what fits is known only when the batches before it are counted).
 */
public record ImportBatch(List<SealedRow> rows, long read, long refused, List<RowError> errors, long errorsOmitted) {

    public ImportBatch {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }
}
