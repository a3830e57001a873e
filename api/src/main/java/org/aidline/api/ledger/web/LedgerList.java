package org.aidline.api.ledger.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of the ledger in the order it was written. */
public record LedgerList(
        List<LedgerEntryView> items,
        @Schema(description = "Pass as ?cursor= for the next page; absent on the last page") @Nullable String nextCursor) {
}
