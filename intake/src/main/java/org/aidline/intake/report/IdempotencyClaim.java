package org.aidline.intake.report;

/** A client's promise that requests with this key are one and the same (IETF Idempotency-Key). */
public record IdempotencyClaim(String owner, String key, String fingerprint) {
}
