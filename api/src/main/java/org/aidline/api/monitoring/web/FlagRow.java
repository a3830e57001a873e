package org.aidline.api.monitoring.web;

import java.util.List;
import org.aidline.api.problem.FieldError;
import org.aidline.intake.monitoring.MonitoringFlag;
import org.jspecify.annotations.Nullable;

/** A validated row: a flag to receive, or a bad row with its reasons. */
sealed interface FlagRow {

    long row();

    record Good(long row, MonitoringFlag flag) implements FlagRow {
    }

    record Bad(long row, @Nullable String flagId, List<FieldError> errors) implements FlagRow {

        public Bad {
            errors = List.copyOf(errors);
        }
    }
}
