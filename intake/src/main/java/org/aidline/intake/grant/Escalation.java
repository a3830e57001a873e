package org.aidline.intake.grant;

import java.time.Instant;
import org.aidline.intake.report.ReportId;

/** A grant handed up to someone who must act: who, when and why. */
public record Escalation(GrantId grant, ReportId report, String escalatedTo, Instant at, String reason) {
}
