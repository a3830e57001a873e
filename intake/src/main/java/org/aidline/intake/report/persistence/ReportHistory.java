package org.aidline.intake.report.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CTE that appends a report's history in the same statement as the change it records. The
 * statement names the report it changed in a CTE {@code moved} (at most one row) and binds
 * {@code :eventType}, {@code :detail} (JSON), {@code :at}, {@code :actor} and, for a second event of
 * the same change, {@code :secondType} and {@code :secondDetail} (both null for none); the statement
 * answers {@code moved}: 1 when the report moved, 0 when the change's guard refused it.
 */
public final class ReportHistory {

    /** The tail of a statement: the history CTE and the final select. */
    public static final String APPENDED = """
            history as (
                insert into report_event (report_id, sequence, type, at, actor, detail)
                select moved.id, coalesce((select max(e.sequence) from report_event e where e.report_id = moved.id), 0) + n.step,
                       n.type, :at, :actor, n.detail
                from moved cross join (values (1, :eventType, cast(:detail as jsonb)),
                                              (2, cast(:secondType as text), cast(:secondDetail as jsonb))) as n(step, type, detail)
                where n.type is not null)
            select count(*) as moved from moved
            """;

    private ReportHistory() {
    }

    /** Binds one event (and, when {@code secondType} is given, a second) of a statement ending with {@link #APPENDED}. */
    public static GenericExecuteSpec bind(GenericExecuteSpec spec, JsonMapper json, String eventType, String actor, Instant at,
            Map<String, Object> detail, @Nullable String secondType, @Nullable Map<String, Object> secondDetail) {
        spec = spec.bind("eventType", eventType)
                .bind("actor", actor)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("detail", json.writeValueAsString(detail));
        spec = secondType == null ? spec.bindNull("secondType", String.class) : spec.bind("secondType", secondType);
        return secondDetail == null ? spec.bindNull("secondDetail", String.class) : spec.bind("secondDetail", json.writeValueAsString(secondDetail));
    }
}
