package org.aidline.intake.grant;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of grants, oldest due first, ends: opaque to clients. */
public record GrantCursor(Instant dueAt, UUID id) {

    public static GrantCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int separator = plain.indexOf('|');
            return new GrantCursor(Instant.parse(plain.substring(0, separator)), UUID.fromString(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a cursor of this list", e);
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((dueAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
