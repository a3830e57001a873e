package org.aidline.api.idempotency;

/** A request's claim on an idempotency key: whose key, which key, and a fingerprint of the request. */
public record IdempotencyClaim(String owner, String key, String fingerprint) {
}
