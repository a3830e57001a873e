package org.aidline.intake.review;

import java.time.Instant;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.grant.GrantStatus;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.PolicyVersion;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * A grant as its reviewer sees it: what is granted, what awaits approval above the cap, and
 * what has been paid or is being paid (payment minus recovery instructions that have not
 * failed). {@code version} is the optimistic lock every change checks.
 */
public record GrantUnderReview(
        GrantId id,
        ReportId report,
        String reportReference,
        VillageCode village,
        String countyCode,
        GrantStatus status,
        Money amount,
        Money awaitingApproval,
        Money paidOrBeingPaid,
        @Nullable String overrideReason,
        PolicyVersion policy,
        int version,
        Instant updatedAt) {

    /** Staff of the village's region see the grant; anyone else is told it does not exist. */
    public boolean isVisibleTo(Actor actor) {
        return actor.worksIn(village, Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR);
    }
}
