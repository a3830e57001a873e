package org.aidline.intake.report;

import java.time.Instant;
import java.util.Map;

/** One step in a report's history; history is only ever appended to. */
public record ReportEvent(int sequence, String type, Instant at, String actor, Map<String, Object> detail) {

    public static final String RECEIVED = "RECEIVED";

    public ReportEvent {
        detail = Map.copyOf(detail);
    }
}
