package org.aidline.intake.monitoring.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.monitoring.FlagKey;
import org.aidline.intake.monitoring.MonitoringFlag;
import org.aidline.intake.monitoring.MonitoringFlags;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportId;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Monitoring flags in PostgreSQL; the primary key (source, flag_id) is what keeps a flag to one report. */
public class R2dbcMonitoringFlags implements MonitoringFlags {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcMonitoringFlags(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
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
