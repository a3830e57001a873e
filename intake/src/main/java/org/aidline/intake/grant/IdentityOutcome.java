package org.aidline.intake.grant;

import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/** What recording the subject's identity at the visit led to. */
public record IdentityOutcome(Kind kind, ReportId report, @Nullable ReportId linkedReport) {

    public enum Kind {
        /** The identity is on the report; a waiting grant now has its documents clock and payment instruction. */
        IDENTIFIED,
        /** The household already had a fast-track grant in the window: this grant is cancelled, the report a duplicate. */
        DUPLICATE
    }
}
