package org.aidline.intake.report;

/** Metadata of a file the client stored elsewhere; the service never holds the bytes. */
public record Attachment(String type, String sha256, long size, String uri) {
}
