package org.aidline.api.notification.web;

import java.time.Instant;

/** A registered device; the token itself is never echoed whole. */
public record DeviceView(String id, String provider, String tokenEnding, Instant registeredAt) {

    /** Enough of a token for its owner to tell two phones apart. */
    static String ending(String token) {
        return token.length() <= 6 ? token : "…" + token.substring(token.length() - 6);
    }
}
