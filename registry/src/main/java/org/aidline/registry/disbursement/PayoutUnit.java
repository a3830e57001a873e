package org.aidline.registry.disbursement;

import java.util.UUID;

/** A run's work in one county, held by this instance under {@code claim} until its lease ends. */
public record PayoutUnit(PayoutSource source, UUID runId, String countyCode, UUID claim) {
}
