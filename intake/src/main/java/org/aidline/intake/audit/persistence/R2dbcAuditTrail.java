package org.aidline.intake.audit.persistence;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.aidline.intake.audit.AuditContext;
import org.aidline.intake.audit.AuditEvent;
import org.aidline.intake.audit.AuditQuery;
import org.aidline.intake.audit.AuditTrail;
import org.aidline.intake.audit.ChainVerification;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The trail in PostgreSQL; the chain key never leaves the application except as a statement parameter. */
public class R2dbcAuditTrail implements AuditTrail {

    private final DatabaseClient database;
    private final byte[] chainKey;

    public R2dbcAuditTrail(DatabaseClient database, byte[] chainKey) {
        this.database = database;
        this.chainKey = chainKey.clone();
    }

    @Override
    public Flux<AuditEvent> find(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select id, chain_seq, at, actor, request_id, entity_type, entity_id, action, county_code, "
                + "before::text as before_json, after::text as after_json from audit_event where county_code like :region");
        if (query.entityType() != null) {
            sql.append(" and entity_type = :entityType");
        }
        if (query.entityId() != null) {
            sql.append(" and entity_id = :entityId");
        }
        if (query.actor() != null) {
            sql.append(" and actor = :actor");
        }
        if (query.from() != null) {
            sql.append(" and at >= :from");
        }
        if (query.to() != null) {
            sql.append(" and at < :to");
        }
        if (query.afterId() != null) {
            sql.append(" and id > :afterId");
        }
        sql.append(" order by id limit :limit");
        GenericExecuteSpec spec = database.sql(sql.toString()).bind("region", query.region().prefix() + "%").bind("limit", query.limit());
        if (query.entityType() != null) {
            spec = spec.bind("entityType", query.entityType());
        }
        if (query.entityId() != null) {
            spec = spec.bind("entityId", query.entityId());
        }
        if (query.actor() != null) {
            spec = spec.bind("actor", query.actor());
        }
        if (query.from() != null) {
            spec = spec.bind("from", query.from().atOffset(ZoneOffset.UTC));
        }
        if (query.to() != null) {
            spec = spec.bind("to", query.to().atOffset(ZoneOffset.UTC));
        }
        if (query.afterId() != null) {
            spec = spec.bind("afterId", query.afterId());
        }
        return spec.map(R2dbcAuditTrail::event).all();
    }

    @Override
    public Mono<Integer> seal(int limit) {
        return database.sql("select seal_audit_events(:key, :limit) as sealed")
                .bind("key", ByteBuffer.wrap(chainKey))
                .bind("limit", limit)
                .map(row -> row.get("sealed", Integer.class))
                .one();
    }

    @Override
    public Mono<ChainVerification> verify() {
        Mono<Long> pending = database.sql("select count(*) as pending from audit_event where chain_seq is null")
                .map(row -> row.get("pending", Long.class))
                .one();
        return database.sql("select * from verify_audit_chain(:key)")
                .bind("key", ByteBuffer.wrap(chainKey))
                .map(row -> new ChainVerification(row.get("checked", Long.class), row.get("broken_seq", Long.class),
                        row.get("broken_id", Long.class), row.get("reason", String.class), 0))
                .one()
                .zipWith(pending, (found, waiting) -> new ChainVerification(found.checked(), found.brokenSeq(), found.brokenEventId(),
                        found.reason(), waiting));
    }

    @Override
    public Mono<Void> personalDataRead(String entityType, String entityId, String countyCode, String purpose) {
        return Mono.deferContextual(context -> {
            AuditContext who = context.getOrDefault(AuditContext.class, AuditContext.SYSTEM);
            GenericExecuteSpec spec = database.sql("insert into audit_event (actor, request_id, entity_type, entity_id, action, county_code, after) "
                            + "values (:actor, :request, :entityType, :entityId, 'READ_PERSONAL_DATA', :county, jsonb_build_object('purpose', :purpose))")
                    .bind("actor", who.actor())
                    .bind("entityType", entityType)
                    .bind("entityId", entityId)
                    .bind("county", countyCode)
                    .bind("purpose", purpose);
            spec = who.requestId() == null ? spec.bindNull("request", String.class) : spec.bind("request", who.requestId());
            return spec.fetch().rowsUpdated().then();
        });
    }

    private static AuditEvent event(Readable row) {
        return new AuditEvent(row.get("id", Long.class), row.get("chain_seq", Long.class), row.get("at", OffsetDateTime.class).toInstant(),
                row.get("actor", String.class), row.get("request_id", String.class), row.get("entity_type", String.class),
                row.get("entity_id", String.class), row.get("action", String.class), row.get("county_code", String.class),
                row.get("before_json", String.class), row.get("after_json", String.class));
    }
}
