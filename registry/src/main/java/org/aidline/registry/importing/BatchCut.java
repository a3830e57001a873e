package org.aidline.registry.importing;

import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Where a batch of rows ends: at its size, but not between rows of one household sent one after the
 * other (as a feed sends them), so that two batches written at once rarely meet the same household
 * and need not wait for each other; at twice its size it ends anyway, to keep memory flat. One per
 * import (it remembers the row before): for {@code bufferUntil(cut, true)}, true starts a new batch.
 */
final class BatchCut implements Predicate<ImportRows.Checked> {

    private final int size;
    private int rows;
    private @Nullable String household;

    BatchCut(int size) {
        this.size = size;
    }

    @Override
    public boolean test(ImportRows.Checked checked) {
        ImportRow row = checked.good();
        String next = row == null ? null : row.household();
        boolean cut = rows >= size && (next == null || !next.equals(household) || rows >= 2 * size);
        rows = cut ? 1 : rows + 1;
        household = next;
        return cut;
    }
}
