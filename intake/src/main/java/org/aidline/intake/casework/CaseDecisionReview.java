package org.aidline.intake.casework;

import java.time.Instant;
import java.util.Map;

/**
 * The county's word on a township's filed decision: SEEN, or OVERTURNED. Overturning a refusal
 * reopens the case for the county's own decision; overturning a grant puts the grant under the
 * county's review (confirm, adjust or revoke, with recovery, as for a fast-track grant).
 */
public record CaseDecisionReview(CaseFile file, CaseDecision decision, Filing filing, String reviewer, Instant at, String note,
        Map<String, Object> detail) {

    public CaseDecisionReview {
        detail = Map.copyOf(detail);
    }

    public boolean reopensCase() {
        return filing == Filing.OVERTURNED && decision.outcome() == Outcome.REFUSE;
    }

    public boolean putsGrantUnderReview() {
        return filing == Filing.OVERTURNED && decision.outcome() == Outcome.GRANT;
    }
}
