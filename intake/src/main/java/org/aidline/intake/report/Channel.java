package org.aidline.intake.report;

/** How a report reached us: the four discovery channels of the source article. */
public enum Channel {
    APP,
    HOTLINE,
    VISIT,
    MONITORING
}
