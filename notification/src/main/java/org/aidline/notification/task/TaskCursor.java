package org.aidline.notification.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of tasks ended (newest first): opaque to clients. */
public record TaskCursor(Instant createdAt, UUID id) {

    public String encode() {
        String plain = createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws IllegalArgumentException for anything {@link #encode()} did not make. */
    public static TaskCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new TaskCursor(Instant.parse(plain.substring(0, bar)), UUID.fromString(plain.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a task cursor", e);
        }
    }
}
