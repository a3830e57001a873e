package org.aidline.intake.payment;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of payment instructions, newest first, ends: opaque to clients. */
public record PaymentCursor(Instant createdAt, UUID id) {

    public static PaymentCursor after(PaymentInstruction instruction) {
        return new PaymentCursor(instruction.createdAt(), instruction.id().value());
    }

    public static PaymentCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            int separator = plain.indexOf('|');
            return new PaymentCursor(Instant.parse(plain.substring(0, separator)), UUID.fromString(plain.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a cursor of this list", e);
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
