package org.aidline.intake.callback.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.callback.CallBack;
import org.aidline.intake.callback.CallBackCursor;
import org.aidline.intake.callback.CallBackStatus;
import org.aidline.intake.callback.CallBackTry;
import org.aidline.intake.callback.CallBacks;
import org.aidline.intake.callback.Satisfaction;
import org.aidline.intake.events.CallBackRecorded;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.ReportStatusChanged;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.persistence.ReportHistory;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Call-back items in intake's {@code call_back} and {@code call_back_try}. A try, the item's new
 * status, the report's history (and, for an unsatisfied answer, its reopening) and the events are
 * one statement, guarded by the versions of the item and the report as read.
 */
public class R2dbcCallBacks implements CallBacks {

    private static final String COLUMNS = """
            c.id, c.report_id, r.reference, r.version as report_version, c.closure, c.county_code, c.village_code, c.status,
            c.max_tries, c.tries, c.satisfaction, c.created_at, c.last_tried_at, c.done_at, c.version
            """;

    private static final String WAITING_OF = "select " + COLUMNS + """
            from call_back c join report r on r.id = c.report_id
            where c.report_id = :report and c.status = 'WAITING'
            """;

    private static final String HISTORY = "select " + COLUMNS + """
            , (select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'attempt', t.attempt, 'reached', t.reached,
                                                            'satisfaction', t.satisfaction, 'note', t.note, 'triedBy', t.tried_by,
                                                            'triedAt', t.tried_at) order by t.attempt), '[]')::text
               from call_back_try t where t.call_back_id = c.id) as tries_made
            from call_back c join report r on r.id = c.report_id
            where c.report_id = :report
            order by c.closure
            """;

    // The report moves first, guarded by its version, so that two operators answering at once cannot both go through.
    private static final String RECORD = """
            with moved as (
                update report set status = case when :reopen then 'REOPENED' else status end, updated_at = :at, version = version + 1
                where id = :report and version = :reportVersion and status = 'CLOSED'
                  and exists (select 1 from call_back c where c.id = :item and c.version = :itemVersion and c.status = 'WAITING')
                returning id),
            item as (
                update call_back set status = :status, tries = tries + 1, satisfaction = :satisfaction, last_tried_at = :at,
                                     done_at = case when :status = 'WAITING' then null else :at end, version = version + 1
                where id = :item and version = :itemVersion and exists (select 1 from moved)
                returning id, county_code),
            tried as (
                insert into call_back_try (id, call_back_id, attempt, reached, satisfaction, note, tried_by, tried_at, county_code)
                select :try, item.id, :attempt, :reached, :satisfaction, :note, :actor, :at, item.county_code from item),
            published as (
                insert into domain_event (id, type, report_id, occurred_at, payload)
                select e.id, e.type, moved.id, :at, e.payload
                from moved cross join (values (cast(:recordedId as uuid), 'CallBackRecorded', cast(:recorded as jsonb)),
                                              (cast(:reopenedId as uuid), 'ReportStatusChanged', cast(:reopened as jsonb))) as e(id, type, payload)
                where e.payload is not null
                returning pg_notify(:eventChannel, '')),
            """ + ReportHistory.APPENDED;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcCallBacks(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<CallBack> waitingOf(ReportId report) {
        return database.sql(WAITING_OF).bind("report", report.value()).map(R2dbcCallBacks::item).one();
    }

    @Override
    public Flux<CallBack> waiting(RegionScope region, @Nullable CallBackCursor after, int limit) {
        // A county or smaller is matched on the county by equality, so that the queue's index serves.
        String county = region.prefix().length() >= 6 ? " and c.county_code = :county" : "";
        String sql = "select " + COLUMNS + " from call_back c join report r on r.id = c.report_id "
                + "where c.status = 'WAITING' and c.village_code like :prefix" + county
                + (after == null ? "" : " and (c.created_at, c.id) > (:afterAt, :afterId)")
                + " order by c.created_at, c.id limit :limit";
        GenericExecuteSpec spec = database.sql(sql).bind("prefix", region.prefix() + "%").bind("limit", limit);
        if (!county.isEmpty()) {
            spec = spec.bind("county", region.prefix().substring(0, 6));
        }
        if (after != null) {
            spec = spec.bind("afterAt", utc(after.createdAt())).bind("afterId", after.id());
        }
        return spec.map(R2dbcCallBacks::item).all();
    }

    @Override
    public Flux<CallBackRecord> history(ReportId report) {
        return database.sql(HISTORY).bind("report", report.value())
                .map(row -> new CallBackRecord(item(row), tries(row.get("tries_made", String.class))))
                .all();
    }

    @Override
    public Mono<Boolean> record(CallBack item, CallBackTry attempt, CallBackStatus after, CallBackRecorded recorded,
            @Nullable ReportStatusChanged reopened) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("closure", item.closure());
        detail.put("attempt", attempt.attempt());
        detail.put("reached", attempt.reached());
        if (attempt.satisfaction() != null) {
            // A report's history holds no nulls: an unreached try has no answer to show.
            detail.put("satisfaction", attempt.satisfaction().name());
        }
        detail.put("callBack", after.name());
        GenericExecuteSpec spec = ReportHistory.bind(database.sql(RECORD), json, "CALLED_BACK", attempt.triedBy(), attempt.triedAt(), detail,
                        reopened == null ? null : "REOPENED", reopened == null ? null : Map.of("round", recorded.reopenedRound()))
                .bind("report", item.reportId().value())
                .bind("reportVersion", item.reportVersion())
                .bind("reopen", reopened != null)
                .bind("item", item.id())
                .bind("itemVersion", item.version())
                .bind("status", after.name())
                .bind("try", attempt.id())
                .bind("attempt", attempt.attempt())
                .bind("reached", attempt.reached())
                .bind("recordedId", recorded.id().toString())
                .bind("recorded", json.writeValueAsString(recorded))
                .bind("eventChannel", EventLog.CHANNEL);
        spec = attempt.satisfaction() == null ? spec.bindNull("satisfaction", String.class) : spec.bind("satisfaction", attempt.satisfaction().name());
        spec = attempt.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", attempt.note());
        spec = reopened == null ? spec.bindNull("reopenedId", String.class).bindNull("reopened", String.class)
                : spec.bind("reopenedId", reopened.id().toString()).bind("reopened", json.writeValueAsString(reopened));
        return spec.map(row -> row.get("moved", Long.class)).one()
                .as(transactions::transactional)
                .map(moved -> moved != null && moved == 1);
    }

    private static CallBack item(Readable row) {
        String satisfaction = row.get("satisfaction", String.class);
        return new CallBack(
                row.get("id", UUID.class),
                new ReportId(row.get("report_id", UUID.class)),
                row.get("reference", String.class),
                row.get("report_version", Integer.class),
                row.get("closure", Integer.class),
                row.get("county_code", String.class),
                row.get("village_code", String.class),
                CallBackStatus.valueOf(row.get("status", String.class)),
                row.get("max_tries", Integer.class),
                row.get("tries", Integer.class),
                satisfaction == null ? null : Satisfaction.valueOf(satisfaction),
                instant(row.get("created_at", OffsetDateTime.class)),
                nullableInstant(row.get("last_tried_at", OffsetDateTime.class)),
                nullableInstant(row.get("done_at", OffsetDateTime.class)),
                row.get("version", Integer.class));
    }

    private List<CallBackTry> tries(@Nullable String stored) {
        List<CallBackTry> tries = new ArrayList<>();
        if (stored == null) {
            return tries;
        }
        json.readTree(stored).forEach(node -> tries.add(new CallBackTry(
                UUID.fromString(node.path("id").asString()),
                node.path("attempt").asInt(),
                node.path("reached").asBoolean(),
                node.path("satisfaction").isNull() ? null : Satisfaction.valueOf(node.path("satisfaction").asString()),
                node.path("note").isNull() ? null : node.path("note").asString(),
                node.path("triedBy").asString(),
                OffsetDateTime.parse(node.path("triedAt").asString()).toInstant())));
        return tries;
    }

    private static Instant instant(@Nullable OffsetDateTime at) {
        return java.util.Objects.requireNonNull(at, "a stored moment").toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
