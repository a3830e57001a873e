package org.aidline.intake.grant;

import java.time.Instant;
import org.aidline.intake.money.Money;
import org.aidline.intake.policy.Policy;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.triage.TriageCase;

/**
 * Decides a fast-track grant: the requested amount up to the cap (the rest waits for the county
 * supervisor, as county rules have townships pay first up to a cap), or the standard amount for
 * the category and household size. The documents clock starts now, or when the identity is known.
 */
public final class FastTrackGrants {

    private FastTrackGrants() {
    }

    public static Grant decide(ReportId report, String countyCode, TriageCase triaged, Policy policy, Instant now) {
        Money wanted = triaged.requestedAmount() != null
                ? triaged.requestedAmount()
                : policy.standardAmount(triaged.category(), triaged.householdSize());
        Money payableNow = wanted.compareTo(policy.cap()) > 0 ? policy.cap() : wanted;
        Money remainder = Money.ofFen(triaged.requestedAmount() == null ? 0 : wanted.fen() - payableNow.fen());
        boolean identified = triaged.identityKnown();
        return new Grant(
                GrantId.next(),
                report,
                countyCode,
                identified ? GrantStatus.AWAITING_DOCUMENTS : GrantStatus.AWAITING_IDENTITY,
                payableNow,
                remainder,
                policy.requiredDocuments(triaged.category()),
                identified ? now.plus(policy.documentsDeadline()) : null,
                policy.versionRef(),
                now,
                now.plus(policy.frequencyWindow()));
    }
}
