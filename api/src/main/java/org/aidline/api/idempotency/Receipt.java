package org.aidline.api.idempotency;

import java.util.UUID;

/** What a request with an idempotency key answered, kept so that every retry answers the same. */
public record Receipt(String fingerprint, UUID reportId, int status, String body) {
}
