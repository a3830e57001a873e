package org.aidline.intake.triage;

import java.util.List;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/** The outcome of triage: a decision, its reasons, the policy version used, the case it links to. */
public record Triage(Decision decision, List<Reason> reasons, PolicyVersion policy, @Nullable ReportId linkedReport) {

    public Triage {
        reasons = List.copyOf(reasons);
    }
}
