package org.aidline.api.monitoring.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aidline.api.problem.FieldError;
import org.aidline.intake.monitoring.FlagOutcome;
import org.aidline.intake.triage.Decision;
import org.jspecify.annotations.Nullable;

/**
 * Counts one upload's rows as their outcomes arrive, keeping only the first bad rows so that
 * the summary stays small whatever the upload's size. Fed by one sequential stream: not shared.
 */
final class UploadTally {

    private final int maxErrors;
    private final Map<Decision, Long> decisions = new EnumMap<>(Decision.class);
    private final List<FlagUploadSummary.RowError> errors = new ArrayList<>();
    private long accepted;
    private long alreadyReceived;
    private long rejected;

    UploadTally(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    void add(FlagRow row, @Nullable FlagOutcome outcome) {
        if (row instanceof FlagRow.Bad bad) {
            reject(bad.row(), bad.flagId(), bad.errors());
        } else if (outcome instanceof FlagOutcome.Accepted filed) {
            accepted++;
            decisions.merge(filed.decision(), 1L, Long::sum);
        } else if (outcome instanceof FlagOutcome.AlreadyReceived) {
            alreadyReceived++;
        } else if (outcome instanceof FlagOutcome.OutsideRegion) {
            reject(row.row(), flagId(row), List.of(new FieldError("villageCode", "is outside the region you work in")));
        } else if (outcome instanceof FlagOutcome.UnknownVillage) {
            reject(row.row(), flagId(row), List.of(new FieldError("villageCode", "is not the code of a known village")));
        } else {
            throw new IllegalStateException("A good row has an outcome: " + row.row());
        }
    }

    FlagUploadSummary summary() {
        Map<String, Long> byDecision = new LinkedHashMap<>();
        decisions.forEach((decision, count) -> byDecision.put(decision.name(), count));
        return new FlagUploadSummary(accepted + alreadyReceived + rejected, accepted, alreadyReceived, rejected, byDecision,
                rejected - errors.size(), List.copyOf(errors));
    }

    private void reject(long row, @Nullable String flagId, List<FieldError> reasons) {
        rejected++;
        if (errors.size() < maxErrors) {
            errors.add(new FlagUploadSummary.RowError(row, flagId, reasons));
        }
    }

    private static @Nullable String flagId(FlagRow row) {
        return row instanceof FlagRow.Good good ? good.flag().key().flagId() : null;
    }
}
