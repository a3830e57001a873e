package org.aidline.notification.platform;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A change of a report that the platform hears of if the report is one of its work orders; {@code source} makes it unique. */
public record StatusChange(UUID source, UUID reportId, PlatformChange change, Instant at, Map<String, Object> details) {

    public StatusChange {
        details = Map.copyOf(details);
    }
}
