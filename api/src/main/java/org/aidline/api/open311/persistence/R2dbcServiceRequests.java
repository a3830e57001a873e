package org.aidline.api.open311.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.api.open311.RequestSearch;
import org.aidline.api.open311.ServiceRequest;
import org.aidline.api.open311.ServiceRequests;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.ReportId;
import org.aidline.intake.report.ReportReference;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads only the columns Open311 shows, so that nothing personal is ever loaded for it. Who may
 * see a row is part of the query: the citizen who filed it, staff whose region covers its village.
 */
@Component
class R2dbcServiceRequests implements ServiceRequests {

    private static final String SELECT = """
            select r.id, r.reference, r.category, r.status, r.village_code, v.village_name, r.county_code, r.created_at, r.updated_at
            from report_view r join village_directory v on v.village_code = r.village_code
            where ((cast(:citizen as text) is not null and r.filed_by = :citizen)
                or (cast(:region as text) is not null and r.village_code like :region))
            """;

    private final DatabaseClient database;

    R2dbcServiceRequests(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<ServiceRequest> find(ReportReference reference, Actor reader) {
        return visibleTo(database.sql(SELECT + " and r.reference = :reference"), reader)
                .bind("reference", reference.value())
                .map(R2dbcServiceRequests::request)
                .one();
    }

    @Override
    public Flux<ServiceRequest> search(RequestSearch search, Actor reader) {
        StringBuilder sql = new StringBuilder(SELECT);
        if (!search.references().isEmpty()) {
            sql.append(" and r.reference = any(:references)");
        }
        if (search.category() != null) {
            sql.append(" and r.category = :category");
        }
        if (search.from() != null) {
            sql.append(" and r.created_at >= :from");
        }
        if (search.to() != null) {
            sql.append(" and r.created_at <= :to");
        }
        if (!search.statuses().isEmpty()) {
            sql.append(" and r.status = any(:statuses)");
        }
        sql.append(" order by r.created_at desc, r.id desc limit :limit offset :offset");
        GenericExecuteSpec spec = visibleTo(database.sql(sql.toString()), reader)
                .bind("limit", search.limit())
                .bind("offset", search.offset());
        if (!search.references().isEmpty()) {
            spec = spec.bind("references", search.references().stream().map(ReportReference::value).toArray(String[]::new));
        }
        if (search.category() != null) {
            spec = spec.bind("category", search.category().name());
        }
        if (search.from() != null) {
            spec = spec.bind("from", utc(search.from()));
        }
        if (search.to() != null) {
            spec = spec.bind("to", utc(search.to()));
        }
        if (!search.statuses().isEmpty()) {
            spec = spec.bind("statuses", search.statuses().stream().map(ReportStatus::name).sorted().toArray(String[]::new));
        }
        return spec.map(R2dbcServiceRequests::request).all();
    }

    private static GenericExecuteSpec visibleTo(GenericExecuteSpec spec, Actor reader) {
        String citizen = reader.has(Role.CITIZEN) ? reader.subject() : null;
        String region = reader.region() != null && reader.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR)
                ? reader.region().prefix() + "%" : null;
        return bindNullable(bindNullable(spec, "citizen", citizen), "region", region);
    }

    private static GenericExecuteSpec bindNullable(GenericExecuteSpec spec, String name, @Nullable String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }

    private static ServiceRequest request(Readable row) {
        return new ServiceRequest(
                new ReportId(row.get("id", UUID.class)),
                new ReportReference(row.get("reference", String.class)),
                Category.valueOf(row.get("category", String.class)),
                ReportStatus.valueOf(row.get("status", String.class)),
                row.get("village_code", String.class),
                row.get("village_name", String.class),
                row.get("county_code", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                row.get("updated_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
