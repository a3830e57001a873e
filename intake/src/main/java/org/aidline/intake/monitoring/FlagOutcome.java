package org.aidline.intake.monitoring;

import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.triage.Decision;

/** What became of one flag. */
public sealed interface FlagOutcome {

    /** Filed a new report, triaged as decided. */
    record Accepted(ReportId report, Decision decision) implements FlagOutcome {
    }

    /** Received before, by this or another upload: linked to the report it filed then. */
    record AlreadyReceived(ReportId report) implements FlagOutcome {
    }

    /** The uploader does not work in the flag's village. */
    record OutsideRegion(VillageCode village) implements FlagOutcome {
    }

    /** No village has the flag's code. */
    record UnknownVillage(VillageCode village) implements FlagOutcome {
    }
}
