package org.aidline.intake.payment;

import java.time.Instant;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;

/**
 * An instruction to move a grant's money: paid out once through the gateway under its
 * {@code referenceId}, which the gateway uses to refuse a second disbursement.
 */
public record PaymentInstruction(
        PaymentId id,
        String referenceId,
        GrantId grant,
        ReportId report,
        VillageCode village,
        PaymentKind kind,
        Money amount,
        PaymentStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        Instant createdAt,
        Instant updatedAt) {

    public String countyCode() {
        return village.countyCode();
    }

    /** Supervisors and auditors see the instructions of their region; nobody else sees any. */
    public boolean isVisibleTo(Actor actor) {
        return actor.worksIn(village, Role.SUPERVISOR, Role.AUDITOR);
    }

    /** Only a supervisor of the region may send a refused instruction to the gateway again. */
    public boolean isRetryableBy(Actor actor) {
        return actor.worksIn(village, Role.SUPERVISOR);
    }
}
