package org.aidline.api.open311.web;

import java.util.EnumSet;
import java.util.Set;
import org.aidline.intake.report.ReportStatus;

/**
 * Open311's two statuses over the report's: closed is final (CLOSED, and REJECTED or DUPLICATE at
 * triage, which open no case of their own); everything else is still being handled, a referral too.
 * The notes say how it stands without saying anything of the person or the amounts.
 */
final class RequestStatuses {

    static final String OPEN = "open";
    static final String CLOSED = "closed";

    private RequestStatuses() {
    }

    static String of(ReportStatus status) {
        return isClosed(status) ? CLOSED : OPEN;
    }

    /** The report statuses an Open311 status stands for. */
    static Set<ReportStatus> standingFor(String open311) {
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        for (ReportStatus status : ReportStatus.values()) {
            if (of(status).equals(open311)) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    private static boolean isClosed(ReportStatus status) {
        return switch (status) {
            case CLOSED, REJECTED, DUPLICATE -> true;
            case RECEIVED, FAST_TRACKED, IN_REVIEW, REFERRED, DECIDED, REOPENED -> false;
        };
    }

    static String notes(ReportStatus status) {
        return switch (status) {
            case RECEIVED -> "Received.";
            case FAST_TRACKED -> "Emergency aid is granted; the documents follow and the village coordinator completes the case.";
            case IN_REVIEW -> "Being handled as an ordinary case: a household visit, a means test and a decision by the township or county.";
            case REFERRED -> "Handed to the department or charity that covers this need.";
            case DECIDED -> "Decided; the village coordinator is completing the case.";
            case CLOSED -> "Closed: handled in full.";
            case REOPENED -> "Reopened after the call-back: the village coordinator handles it again.";
            case REJECTED -> "Closed: not covered by this assistance.";
            case DUPLICATE -> "Closed: joined to the household's open case or recent aid.";
        };
    }
}
