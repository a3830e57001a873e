package org.aidline.notification.task;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A coordinator's check-in at the household: when, where (WGS84) and what they saw. */
public record Visit(Instant at, double latitude, double longitude, @Nullable String note) {
}
