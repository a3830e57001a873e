package org.aidline.intake.ledger.persistence;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.intake.grant.GrantId;
import org.aidline.intake.ledger.EntryKind;
import org.aidline.intake.ledger.Ledger;
import org.aidline.intake.ledger.LedgerCursor;
import org.aidline.intake.ledger.LedgerEntry;
import org.aidline.intake.ledger.LedgerFilter;
import org.aidline.intake.ledger.RecordedEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;

/** The ledger in PostgreSQL, paged by its identity column (append order) per county. */
public class R2dbcLedger implements Ledger {

    private final DatabaseClient database;

    public R2dbcLedger(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<RecordedEntry> entries(LedgerFilter filter, @Nullable LedgerCursor after, int limit) {
        StringBuilder sql = new StringBuilder("select id, county_code, grant_id, kind, amount_fen, at, actor, reference from ledger_entry where ");
        sql.append(filter.countyCode() != null ? "county_code = :county" : "county_code like :region");
        if (filter.from() != null) {
            sql.append(" and at >= :from");
        }
        if (filter.to() != null) {
            sql.append(" and at < :to");
        }
        if (after != null) {
            sql.append(" and id > :after");
        }
        sql.append(" order by id limit :limit");
        GenericExecuteSpec spec = database.sql(sql.toString()).bind("limit", limit + 1);
        spec = filter.countyCode() != null ? spec.bind("county", filter.countyCode()) : spec.bind("region", filter.regionPrefix() + "%");
        if (filter.from() != null) {
            spec = spec.bind("from", filter.from().atOffset(ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            spec = spec.bind("to", filter.to().atOffset(ZoneOffset.UTC));
        }
        if (after != null) {
            spec = spec.bind("after", after.afterId());
        }
        return spec.map((row, metadata) -> new RecordedEntry(
                        row.get("id", Long.class),
                        new LedgerEntry(
                                EntryKind.valueOf(row.get("kind", String.class)),
                                row.get("county_code", String.class),
                                grant(row.get("grant_id", UUID.class)),
                                row.get("amount_fen", Long.class),
                                row.get("at", OffsetDateTime.class).toInstant(),
                                row.get("actor", String.class)),
                        row.get("reference", String.class)))
                .all();
    }

    private static @Nullable GrantId grant(@Nullable UUID id) {
        return id == null ? null : new GrantId(id);
    }
}
