package org.aidline.intake.grant;

import java.time.Instant;
import java.util.regex.Pattern;

/** A supporting document attached to a grant: its metadata, who attached it and when; the file lives elsewhere. */
public record GrantDocument(String type, String sha256, long size, String uri, String attachedBy, Instant attachedAt) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public GrantDocument {
        if (type.isBlank() || type.length() > 64) {
            throw new IllegalArgumentException("A document type has 1 to 64 characters");
        }
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("A SHA-256 digest is 64 lowercase hex characters");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("A document has a positive size");
        }
        if (uri.isBlank()) {
            throw new IllegalArgumentException("A document has a URI");
        }
        if (attachedBy.isBlank()) {
            throw new IllegalArgumentException("Someone attached the document");
        }
    }
}
