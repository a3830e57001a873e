package org.aidline.api.audit.web;

import org.jspecify.annotations.Nullable;

/** The chain recomputed: intact or the first broken link (its place, event id and why); events not sealed yet are pending. */
public record VerificationView(boolean intact, long checked, long pending, @Nullable BrokenLink firstBroken) {

    public record BrokenLink(long chainSeq, @Nullable Long eventId, String reason) {
    }
}
