package org.aidline.intake.monitoring.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.LinkedHashMap;
import org.aidline.intake.events.EventLog;
import org.aidline.intake.events.FlagOutcomeRecorded;
import org.aidline.intake.events.ReportStatusChanged;
import org.aidline.intake.monitoring.FlagClosing;
import org.aidline.intake.monitoring.FlagKey;
import org.aidline.intake.monitoring.FlagVerdict;
import org.aidline.intake.monitoring.FlaggedReport;
import org.aidline.intake.monitoring.MonitoringFlag;
import org.aidline.intake.monitoring.MonitoringFlags;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportStatus;
import org.aidline.intake.report.persistence.ReportHistory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Monitoring flags in PostgreSQL; the primary key (source, flag_id) is what keeps a flag to one report. */
public class R2dbcMonitoringFlags implements MonitoringFlags {

    private static final String FLAG_OF = """
            select f.source, f.flag_id, f.outcome, r.id, r.version, r.status, r.county_code, r.village_code, r.subject_id_hash
            from monitoring_flag f join report r on r.id = f.report_id
            where f.report_id = :report
            """;

    // The flag takes its outcome only once and only while the report is as read; the report closes with it.
    private static final String RECORD_OUTCOME = """
            with flagged as (
                update monitoring_flag set outcome = :outcome, outcome_programme = :programme, outcome_amount_fen = :amount,
                                           outcome_note = :note, outcome_by = :actor, outcome_at = :at
                where report_id = :report and outcome is null
                  and exists (select 1 from report r where r.id = :report and r.version = :reportVersion)
                returning report_id),
            moved as (
                update report set status = case when :close then 'CLOSED' else status end, updated_at = :at, version = version + 1
                where id = :report and version = :reportVersion and exists (select 1 from flagged)
                returning id),
            published as (
                insert into domain_event (id, type, report_id, occurred_at, payload)
                select e.id, e.type, moved.id, :at, e.payload
                from moved cross join (values (cast(:recordedId as uuid), 'FlagOutcomeRecorded', cast(:recorded as jsonb)),
                                              (cast(:closedId as uuid), 'ReportStatusChanged', cast(:closed as jsonb))) as e(id, type, payload)
                where e.payload is not null
                returning pg_notify(:eventChannel, '')),
            """ + ReportHistory.APPENDED;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcMonitoringFlags(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<FlaggedReport> flagOf(ReportId report) {
        return database.sql(FLAG_OF).bind("report", report.value())
                .map(row -> {
                    String outcome = row.get("outcome", String.class);
                    return new FlaggedReport(new FlagKey(row.get("source", String.class), row.get("flag_id", String.class)),
                            new ReportId(row.get("id", UUID.class)), row.get("version", Integer.class),
                            ReportStatus.valueOf(row.get("status", String.class)), row.get("county_code", String.class),
                            row.get("village_code", String.class), row.get("subject_id_hash", byte[].class),
                            outcome == null ? null : FlagVerdict.valueOf(outcome));
                })
                .one();
    }

    @Override
    public Mono<Boolean> recordOutcome(FlaggedReport flagged, FlagClosing closing, FlagOutcomeRecorded event, Instant at) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("flag", flagged.key().source() + ":" + flagged.key().flagId());
        detail.put("outcome", closing.verdict().name());
        if (closing.programme() != null) {
            detail.put("programme", closing.programme());
        }
        if (closing.newAmount() != null) {
            detail.put("amountFen", closing.newAmount().fen());
        }
        detail.put("note", closing.note());
        detail.put("closed", flagged.closes());
        GenericExecuteSpec spec = ReportHistory.bind(database.sql(RECORD_OUTCOME), json, "FLAG_OUTCOME", event.recordedBy(), at, detail,
                        null, null)
                .bind("report", flagged.report().value())
                .bind("reportVersion", flagged.reportVersion())
                .bind("outcome", closing.verdict().name())
                .bind("note", closing.note())
                .bind("close", flagged.closes())
                .bind("recordedId", event.id().toString())
                .bind("recorded", json.writeValueAsString(event))
                .bind("eventChannel", EventLog.CHANNEL);
        spec = closing.programme() == null ? spec.bindNull("programme", String.class) : spec.bind("programme", closing.programme());
        spec = closing.newAmount() == null ? spec.bindNull("amount", Long.class) : spec.bind("amount", closing.newAmount().fen());
        if (flagged.closes()) {
            ReportStatusChanged closed = new ReportStatusChanged(UUID.randomUUID(), flagged.report().value(), flagged.status().name(),
                    ReportStatus.CLOSED.name(), at);
            spec = spec.bind("closedId", closed.id().toString()).bind("closed", json.writeValueAsString(closed));
        } else {
            spec = spec.bindNull("closedId", String.class).bindNull("closed", String.class);
        }
        return spec.map(row -> row.get("moved", Long.class)).one()
                .as(transactions::transactional)
                .map(moved -> moved != null && moved == 1);
    }

    @Override
    public Mono<ReportId> reportOf(FlagKey key) {
        return database.sql("select report_id from monitoring_flag where source = :source and flag_id = :flagId")
                .bind("source", key.source())
                .bind("flagId", key.flagId())
                .map(row -> new ReportId(row.get("report_id", UUID.class)))
                .one();
    }

    @Override
    public Mono<Map<FlagKey, ReportId>> reportsOf(Collection<FlagKey> keys) {
        return database.sql("""
                        select f.source, f.flag_id, f.report_id
                        from unnest(cast(:sources as text[]), cast(:flagIds as text[])) as k(source, flag_id)
                        join monitoring_flag f on f.source = k.source and f.flag_id = k.flag_id
                        """)
                .bind("sources", keys.stream().map(FlagKey::source).toArray(String[]::new))
                .bind("flagIds", keys.stream().map(FlagKey::flagId).toArray(String[]::new))
                .map(row -> Map.entry(new FlagKey(row.get("source", String.class), row.get("flag_id", String.class)),
                        new ReportId(row.get("report_id", UUID.class))))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public Mono<Report> fileOnce(MonitoringFlag flag, String receivedBy, Instant at, Mono<Report> filing) {
        return filing
                .flatMap(report -> record(flag, report, receivedBy, at)
                        .flatMap(recorded -> recorded ? Mono.just(report) : Mono.<Report>error(new TakenMeanwhile())))
                .as(transactions::transactional)
                .onErrorResume(TakenMeanwhile.class, taken -> Mono.empty());
    }

    // On a conflict the insert waits for the other transaction and then does nothing: ours rolls back.
    private Mono<Boolean> record(MonitoringFlag flag, Report report, String receivedBy, Instant at) {
        GenericExecuteSpec insert = database.sql("""
                        insert into monitoring_flag (source, flag_id, report_id, detected_at, received_by, received_at)
                        values (:source, :flagId, :reportId, :detectedAt, :receivedBy, :receivedAt)
                        on conflict (source, flag_id) do nothing
                        """)
                .bind("source", flag.key().source())
                .bind("flagId", flag.key().flagId())
                .bind("reportId", report.id().value())
                .bind("receivedBy", receivedBy)
                .bind("receivedAt", utc(at));
        insert = flag.detectedAt() == null
                ? insert.bindNull("detectedAt", OffsetDateTime.class)
                : insert.bind("detectedAt", utc(flag.detectedAt()));
        return insert.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** Rolls the filing back when another upload recorded the flag first. */
    private static final class TakenMeanwhile extends RuntimeException {

        TakenMeanwhile() {
            super("The flag was recorded by another upload", null, false, false);
        }
    }
}
