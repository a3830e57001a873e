package org.aidline.notification.platform;

import java.util.Map;
import java.util.Optional;

/**
 * A status change the 12345 platform is told of, by the name it receives. The platform's own
 * vocabulary (受理, 签收, 延期, 办结, 回访) maps onto these; the names are part of the webhook's contract.
 */
public enum PlatformChange {
    /** The report was filed (accepted, with its reference). */
    RECEIVED,
    /** The coordinator's task was acknowledged: someone signed for the order. */
    SIGNED_FOR,
    /** The deadline was extended. */
    EXTENDED,
    DECIDED,
    CLOSED,
    /** The county sent a decided case back. */
    REOPENED,
    /** The result of the call back to the person who called. */
    CALL_BACK;

    /** The coordinator task's events (notification's {@code task_event} types) that the platform hears of. */
    public static final Map<String, PlatformChange> OF_TASK_EVENT = Map.of(
            "ACKNOWLEDGED", SIGNED_FOR,
            "EXTENSION_GRANTED", EXTENDED);

    /** A report's new status (intake's ReportStatusChanged {@code to}) as the platform hears of it, if it does. */
    public static Optional<PlatformChange> ofReportStatus(String status) {
        switch (status) {
            case "DECIDED":
                return Optional.of(DECIDED);
            case "CLOSED":
                return Optional.of(CLOSED);
            case "REOPENED":
                return Optional.of(REOPENED);
            default:
                return Optional.empty();
        }
    }
}
