package org.aidline.notification.task.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.aidline.notification.task.Availability;
import org.aidline.notification.task.StaffAvailability;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Availability kept on staff_member, where the assignment chain (route_task) reads it; set in a
 * transaction (the caller's, if any) that records who set it for the audit trail.
 */
public class R2dbcStaffAvailability implements StaffAvailability {

    private final DatabaseClient database;
    private final TransactionalOperator transactions;

    public R2dbcStaffAvailability(DatabaseClient database, TransactionalOperator transactions) {
        this.database = database;
        this.transactions = transactions;
    }

    @Override
    public Mono<Availability> of(String user) {
        return database.sql("select user_id, available, unavailable_until from staff_member where user_id = :user")
                .bind("user", user)
                .map(R2dbcStaffAvailability::availability)
                .one();
    }

    @Override
    public Mono<Availability> set(String user, boolean available, @Nullable Instant until) {
        var spec = database.sql("update staff_member set available = :available, unavailable_until = :until "
                        + "where user_id = :user returning user_id, available, unavailable_until")
                .bind("user", user)
                .bind("available", available);
        spec = until == null ? spec.bindNull("until", OffsetDateTime.class) : spec.bind("until", until.atOffset(ZoneOffset.UTC));
        return spec.map(R2dbcStaffAvailability::availability).one().as(transactions::transactional);
    }

    private static Availability availability(Readable row) {
        OffsetDateTime until = row.get("unavailable_until", OffsetDateTime.class);
        return new Availability(row.get("user_id", String.class), Boolean.TRUE.equals(row.get("available", Boolean.class)),
                until == null ? null : until.toInstant());
    }
}
