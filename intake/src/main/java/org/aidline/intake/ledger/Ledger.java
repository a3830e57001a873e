package org.aidline.intake.ledger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** The fund ledger, read in the order it was written. Entries are appended by the decisions that make them. */
public interface Ledger {

    /** Entries matching the filter after the cursor, in append order, up to {@code limit + 1}. */
    Flux<RecordedEntry> entries(LedgerFilter filter, @Nullable LedgerCursor after, int limit);
}
