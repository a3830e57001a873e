package org.aidline.intake.audit;

import org.jspecify.annotations.Nullable;

/**
 * What recomputing the chain found: how many events held, and the first that did not (its place,
 * its id and why), or none; {@code pending} events are committed but not sealed yet.
 */
public record ChainVerification(long checked, @Nullable Long brokenSeq, @Nullable Long brokenEventId, @Nullable String reason,
        long pending) {

    public boolean intact() {
        return brokenSeq == null;
    }
}
