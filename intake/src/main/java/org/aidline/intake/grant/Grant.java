package org.aidline.intake.grant;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * Temporary aid decided at intake. {@code amount} is what is granted and paid now (at most the
 * policy's cap); {@code awaitingApproval} is the part of a larger request that waits for the
 * county supervisor.
 */
public record Grant(
        GrantId id,
        ReportId report,
        String countyCode,
        GrantStatus status,
        Money amount,
        Money awaitingApproval,
        List<String> requiredDocuments,
        @Nullable Instant documentsDueAt,
        PolicyVersion policy,
        Instant createdAt,
        Instant nextFastTrackFrom) {

    public Grant {
        requiredDocuments = List.copyOf(requiredDocuments);
    }

    public boolean isPayable() {
        return status != GrantStatus.AWAITING_IDENTITY && status != GrantStatus.REVOKED;
    }
}
