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
 * Availability in notification's own table, where the assignment chain (route_task) reads it; staff
 * come from intake's directory. Set in a transaction (the caller's, if any) that records who set
 * it for the audit trail.
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
        return database.sql("""
                        select s.user_id, coalesce(a.available, true) as available, a.unavailable_until
                        from staff_directory s left join staff_availability a on a.user_id = s.user_id
                        where s.user_id = :user""")
                .bind("user", user)
                .map(R2dbcStaffAvailability::availability)
                .one();
    }

    @Override
    public Mono<Availability> set(String user, boolean available, @Nullable Instant until) {
        // Only staff known to intake have an availability; anyone else gets nothing (not found).
        var spec = database.sql("""
                        insert into staff_availability (user_id, available, unavailable_until)
                        select user_id, :available, :until from staff_directory where user_id = :user
                        on conflict (user_id) do update set available = excluded.available, unavailable_until = excluded.unavailable_until
                        returning user_id, available, unavailable_until""")
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
