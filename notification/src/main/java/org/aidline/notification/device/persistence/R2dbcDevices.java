package org.aidline.notification.device.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.notification.device.Device;
import org.aidline.notification.device.Devices;
import org.aidline.notification.device.PushService;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Device tokens in PostgreSQL: at most one active registration per token. Each change runs in a
 * transaction (the caller's, if any) that records who made it for the audit trail.
 */
public class R2dbcDevices implements Devices {

    // A phone handed to a colleague keeps its token: the old registration retires in the same statement.
    private static final String REGISTER = """
            with moved as (
                update device set retired_at = :at, retired_reason = 'registered by ' || :user
                where provider = :provider and token = :token and retired_at is null and user_id <> :user
                returning id),
            existing as (
                select * from device
                where provider = :provider and token = :token and retired_at is null and user_id = :user),
            added as (
                insert into device (id, user_id, provider, token, registered_at)
                select :id, :user, :provider, :token, :at
                where not exists (select 1 from existing)
                  and (select count(*) from moved) >= 0
                returning *)
            select * from added union all select * from existing
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcDevices(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Device> register(String user, PushService service, String token, Instant at) {
        return database.sql(REGISTER)
                .bind("id", UUID.randomUUID())
                .bind("user", user)
                .bind("provider", service.name())
                .bind("token", token)
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .map(R2dbcDevices::device)
                .one()
                .as(transactions::transactional);
    }

    @Override
    public Mono<Boolean> retire(String user, UUID device, String reason, Instant at) {
        return database.sql("update device set retired_at = :at, retired_reason = :reason "
                        + "where id = :id and user_id = :user and retired_at is null")
                .bind("at", at.atOffset(ZoneOffset.UTC))
                .bind("reason", reason)
                .bind("id", device)
                .bind("user", user)
                .fetch()
                .rowsUpdated()
                .as(transactions::transactional)
                .map(updated -> updated > 0);
    }

    @Override
    public Flux<Device> activeOf(String user) {
        return database.sql("select * from device where user_id = :user and retired_at is null order by registered_at desc")
                .bind("user", user)
                .map(R2dbcDevices::device)
                .all();
    }

    private static Device device(Readable row) {
        OffsetDateTime retired = row.get("retired_at", OffsetDateTime.class);
        return new Device(row.get("id", UUID.class), row.get("user_id", String.class),
                PushService.valueOf(row.get("provider", String.class)), row.get("token", String.class),
                row.get("registered_at", OffsetDateTime.class).toInstant(), retired == null ? null : retired.toInstant());
    }
}
