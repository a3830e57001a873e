package org.aidline.registry.importing;

import java.util.List;

/**
 * A batch as it is written, in one transaction with its counts: the accepted rows, and how many rows
 * it read and refused, with the refused rows' errors that still fit in the import's list.
 */
public record ImportBatch(List<SealedRow> rows, long read, long refused, List<RowError> errors, long errorsOmitted) {

    public ImportBatch {
        rows = List.copyOf(rows);
        errors = List.copyOf(errors);
    }
}
