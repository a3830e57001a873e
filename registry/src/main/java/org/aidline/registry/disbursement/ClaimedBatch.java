package org.aidline.registry.disbursement;

import java.util.UUID;

/** A bank batch held under {@code claim}; {@code attempts} counts earlier sends that left it unfinished. */
public record ClaimedBatch(long id, UUID runId, PayoutSource source, String countyCode, UUID claim, int attempts) {
}
