package org.aidline.registry.monitoring;

import java.time.LocalDate;
import java.util.UUID;
import org.aidline.intake.report.ReportId;

/** A warning for a person and cause: the report it filed, merging the cause's events until {@code mergeUntil}. */
public record Warning(UUID id, byte[] person, RegistryEventType cause, String countyCode, String villageCode, ReportId report,
        LocalDate openedOn, LocalDate mergeUntil, int events) {
}
