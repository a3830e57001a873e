package org.aidline.registry.importing;

/** What a batch changed: enrolments made, and existing ones whose amount, status, dates or village changed. */
public record BatchOutcome(long enrolled, long changed) {
}
