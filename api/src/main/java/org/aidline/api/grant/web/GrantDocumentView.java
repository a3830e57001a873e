package org.aidline.api.grant.web;

import java.time.Instant;

/** A document attached to a grant: its metadata, who attached it and when. */
public record GrantDocumentView(String type, String sha256, long size, String uri, String attachedBy, Instant attachedAt) {
}
