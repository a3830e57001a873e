package org.aidline.intake.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Where a page of the ledger, in append order, ends: opaque to clients. */
public record LedgerCursor(long afterId) {

    private static final String PREFIX = "ledger:";

    public static LedgerCursor decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                throw new IllegalArgumentException("Not a ledger cursor");
            }
            return new LedgerCursor(Long.parseLong(plain.substring(PREFIX.length())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a cursor of the ledger", e);
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + afterId).getBytes(StandardCharsets.UTF_8));
    }
}
