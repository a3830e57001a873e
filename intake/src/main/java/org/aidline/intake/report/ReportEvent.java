package org.aidline.intake.report;

import java.time.Instant;
import java.util.Map;

/** One step in a report's history; history is only ever appended to. */
public record ReportEvent(int sequence, String type, Instant at, String actor, Map<String, Object> detail) {

    public static final String RECEIVED = "RECEIVED";
    public static final String TRIAGED = "TRIAGED";
    public static final String GRANTED = "GRANTED";
    /** The actor of what the service decides by itself. */
    public static final String SYSTEM = "aidline";

    public ReportEvent {
        detail = Map.copyOf(detail);
    }
}
