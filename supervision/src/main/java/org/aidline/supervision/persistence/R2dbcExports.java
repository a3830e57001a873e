package org.aidline.supervision.persistence;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.aidline.supervision.CountyPeriod;
import org.aidline.supervision.ExportRows.GrantRow;
import org.aidline.supervision.ExportRows.LedgerRow;
import org.aidline.supervision.ExportRows.Person;
import org.aidline.supervision.ExportRows.ReportRow;
import org.aidline.supervision.Exports;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

/**
 * Exports read with a fetch size: PostgreSQL hands the rows over a batch at a time as the HTTP
 * response asks for more, so a million-row ledger never sits in memory. Each select walks an index
 * in the export's order (no sort to wait for before the first row).
 */
public class R2dbcExports implements Exports {

    static final String LEDGER = "select id, at, county_code, grant_id, kind, amount_fen, actor, reference from ledger_entry_view le where %s%s order by id";
    static final String GRANTS = """
            select g.id, r.reference, g.county_code, r.village_code, g.status, g.amount_fen, g.awaiting_approval_fen, g.documents_due_at,
                   g.verification_status, g.created_at, r.subject_name, r.subject_id_masked, r.subject_id_cipher, r.subject_phone
            from aid_grant_view g join report_view r on r.id = g.report_id
            where %s%s order by g.created_at, g.id
            """;
    static final String REPORTS = """
            select r.id, r.reference, r.created_at, r.channel, r.category, r.status, r.triage_decision, r.village_code, r.county_code,
                   r.urgent, r.requested_amount_fen, r.household_size, r.subject_name, r.subject_id_masked, r.subject_id_cipher,
                   r.subject_phone, r.caller_name, r.caller_phone, r.description
            from report_view r
            where %s%s order by r.created_at, r.id
            """;

    private final DatabaseClient database;
    private final int fetchSize;

    public R2dbcExports(DatabaseClient database, int fetchSize) {
        this.database = database;
        this.fetchSize = fetchSize;
    }

    @Override
    public Flux<LedgerRow> ledger(CountyPeriod period) {
        String sql = LEDGER.formatted(R2dbcSupervisionStatistics.county("le", period), R2dbcSupervisionStatistics.within("le.at", period));
        return R2dbcSupervisionStatistics.bind(database.sql(sql), period)
                .filter(statement -> statement.fetchSize(fetchSize))
                .map(row -> new LedgerRow(row.get("id", Long.class), instant(row, "at"), row.get("county_code", String.class),
                        row.get("grant_id", UUID.class).toString(), row.get("kind", String.class), row.get("amount_fen", Long.class),
                        row.get("actor", String.class), row.get("reference", String.class)))
                .all();
    }

    @Override
    public Flux<GrantRow> grants(CountyPeriod period) {
        String sql = GRANTS.formatted(R2dbcSupervisionStatistics.county("g", period), R2dbcSupervisionStatistics.within("g.created_at", period));
        return R2dbcSupervisionStatistics.bind(database.sql(sql), period)
                .filter(statement -> statement.fetchSize(fetchSize))
                .map(row -> new GrantRow(row.get("id", UUID.class).toString(), row.get("reference", String.class),
                        row.get("county_code", String.class), row.get("village_code", String.class), row.get("status", String.class),
                        row.get("amount_fen", Long.class), row.get("awaiting_approval_fen", Long.class),
                        nullableInstant(row, "documents_due_at"), row.get("verification_status", String.class), instant(row, "created_at"),
                        person(row)))
                .all();
    }

    @Override
    public Flux<ReportRow> reports(CountyPeriod period) {
        String sql = REPORTS.formatted(R2dbcSupervisionStatistics.county("r", period), R2dbcSupervisionStatistics.within("r.created_at", period));
        return R2dbcSupervisionStatistics.bind(database.sql(sql), period)
                .filter(statement -> statement.fetchSize(fetchSize))
                .map(row -> new ReportRow(row.get("id", UUID.class).toString(), row.get("reference", String.class), instant(row, "created_at"),
                        row.get("channel", String.class), row.get("category", String.class), row.get("status", String.class),
                        row.get("triage_decision", String.class), row.get("village_code", String.class), row.get("county_code", String.class),
                        Boolean.TRUE.equals(row.get("urgent", Boolean.class)), row.get("requested_amount_fen", Long.class),
                        row.get("household_size", Integer.class), person(row), row.get("caller_name", String.class),
                        row.get("caller_phone", String.class), row.get("description", String.class)))
                .all();
    }

    private static Person person(Readable row) {
        ByteBuffer cipher = row.get("subject_id_cipher", ByteBuffer.class);
        byte[] bytes = null;
        if (cipher != null) {
            bytes = new byte[cipher.remaining()];
            cipher.get(bytes);
        }
        return new Person(row.get("subject_name", String.class), row.get("subject_id_masked", String.class), bytes,
                row.get("subject_phone", String.class));
    }

    private static java.time.Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static java.time.@Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
