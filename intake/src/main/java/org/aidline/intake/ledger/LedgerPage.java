package org.aidline.intake.ledger;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of ledger entries in append order, and where the next begins. */
public record LedgerPage(List<RecordedEntry> entries, @Nullable LedgerCursor next) {

    public LedgerPage {
        entries = List.copyOf(entries);
    }

    /** A page from up to {@code limit + 1} entries: the extra one only says there is more. */
    public static LedgerPage of(List<RecordedEntry> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new LedgerPage(fetched, null);
        }
        List<RecordedEntry> page = fetched.subList(0, limit);
        return new LedgerPage(page, new LedgerCursor(page.get(limit - 1).id()));
    }
}
