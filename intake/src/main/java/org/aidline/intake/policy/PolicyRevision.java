package org.aidline.intake.policy;

import java.time.Instant;

/** One version of a county's policy as it was recorded: the terms, who changed them, when and why. */
public record PolicyRevision(Policy policy, String changedBy, Instant changedAt, String reason) {

    public PolicyVersion versionRef() {
        return policy.versionRef();
    }

    /** Whether this is the province default rather than the county's own policy. */
    public boolean isProvinceDefault() {
        return Policy.PROVINCE_DEFAULT.equals(policy.countyCode());
    }
}
