package org.aidline.notification.delivery.persistence;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.region.RegionScope;
import org.aidline.notification.delivery.ClaimedNotification;
import org.aidline.notification.delivery.DeliveryAttempt;
import org.aidline.notification.delivery.DeliveryChannel;
import org.aidline.notification.delivery.DeliveryOutcome;
import org.aidline.notification.delivery.DeliveryRecord;
import org.aidline.notification.delivery.NotificationStatus;
import org.aidline.notification.delivery.Notifications;
import org.aidline.notification.delivery.TaskMessage;
import org.aidline.notification.device.PushService;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The outbox in PostgreSQL: every change one statement, guarded by status and claim, with its attempt. */
public class R2dbcNotifications implements Notifications {

    /** Every instance's dispatcher listens on this channel; the database wakes them when notifications are queued. */
    public static final String DUE_CHANNEL = "aidline_notification_due";

    // SKIP LOCKED: dispatchers claiming at the same moment take different rows instead of waiting.
    // A SENDING row whose lease has run out was held by a dispatcher that died: it is taken again.
    private static final String CLAIM_TEMPLATE = """
            with due as (
                select n.id from notification n
                where %s and n.next_attempt_at <= :now
                order by n.next_attempt_at
                limit :limit
                for update skip locked),
            claimed as (
                update notification n
                set status = 'SENDING', claim = :claim, attempts = n.attempts + 1, next_attempt_at = :leaseUntil
                from due where n.id = due.id
                returning n.*)
            select c.id, c.claim, c.recipient, c.channel, c.attempts, c.device_id, d.provider,
                   case when c.channel = 'SMS' then s.phone when d.retired_at is null then d.token end as address,
                   c.task_id, t.report_id, t.urgent, t.report_reference as reference, t.category, v.village_name,
                   c.created_at as queued_at, c.kind
            from claimed c
            join coordinator_task t on t.id = c.task_id
            join village_directory v on v.village_code = t.village_code
            left join device d on d.id = c.device_id
            left join staff_directory s on s.user_id = c.recipient
            """;

    private static final String CLAIM = CLAIM_TEMPLATE.formatted("n.status in ('QUEUED', 'SENDING', 'ERRORED')");

    // Just routed: the dispatcher of the instance that opened the tasks sends at once, without waiting for a wake-up.
    private static final String CLAIM_QUEUED_FOR = CLAIM_TEMPLATE.formatted(
            "n.status = 'QUEUED' and n.task_id in (select t.id from coordinator_task t where t.report_id = any(:reports))");

    private static final String SENT = """
            with n as (
                update notification
                set status = case when delivered_at is null then 'SENT' else 'DELIVERED' end, sent_at = :at,
                    provider_message_id = :messageId, last_response = :detail, claim = null
                where id = :id and claim = :claim and status = 'SENDING'
                returning id, attempts)
            insert into notification_attempt (notification_id, attempt, at, provider, outcome, response)
            select id, attempts, :at, :provider, 'SENT', :detail from n
            """;

    private static final String RETRY = """
            with n as (
                update notification
                set status = 'ERRORED', next_attempt_at = :next, last_response = :detail, claim = null
                where id = :id and claim = :claim and status = 'SENDING'
                returning id, attempts)
            insert into notification_attempt (notification_id, attempt, at, provider, outcome, response)
            select id, attempts, :at, :provider, 'RETRY', :detail from n
            """;

    // A dead device token is retired; if its owner, still the assignee, has no device left, the
    // task goes out by SMS instead, so that it still reaches a person.
    private static final String FAILED = """
            with n as (
                update notification
                set status = 'FAILED', failed_at = :at, last_response = :detail, claim = null
                where id = :id and claim = :claim and status = 'SENDING'
                returning id, attempts, task_id, recipient, device_id),
            attempt as (
                insert into notification_attempt (notification_id, attempt, at, provider, outcome, response)
                select id, attempts, :at, :provider, :outcome, :detail from n
                returning notification_id),
            retired as (
                update device d set retired_at = :at, retired_reason = :detail
                from n where cast(:retire as boolean) and d.id = n.device_id and d.retired_at is null
                returning d.id),
            texted as (
                insert into notification (id, task_id, recipient, channel, status, next_attempt_at, created_at)
                select gen_random_uuid(), n.task_id, n.recipient, 'SMS', 'QUEUED', :at, :at
                from n
                join coordinator_task t on t.id = n.task_id and t.status = 'ASSIGNED' and t.assignee = n.recipient
                join staff_directory s on s.user_id = n.recipient and s.phone is not null
                where (select count(*) from retired) > 0
                  and not exists (select 1 from device d
                                  where d.user_id = n.recipient and d.retired_at is null and d.id <> n.device_id)
                  and not exists (select 1 from notification o
                                  where o.task_id = n.task_id and o.recipient = n.recipient and o.channel = 'SMS')
                returning id),
            woken as (
                select pg_notify('%s', '') from texted)
            select (select count(*) from n) as changed, (select count(*) from attempt) as attempts,
                   (select count(*) from woken) as woken
            """.formatted(DUE_CHANNEL);

    private static final String RECORD = """
            select n.*, d.provider
            from notification n left join device d on d.id = n.device_id
            """;

    private final DatabaseClient database;

    public R2dbcNotifications(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Flux<ClaimedNotification> claimDue(Instant now, Duration lease, int limit) {
        return database.sql(CLAIM)
                .bind("now", utc(now))
                .bind("limit", limit)
                .bind("claim", UUID.randomUUID())
                .bind("leaseUntil", utc(now.plus(lease)))
                .map(R2dbcNotifications::claimed)
                .all();
    }

    @Override
    public Flux<ClaimedNotification> claimQueuedFor(List<UUID> reportIds, Instant now, Duration lease) {
        return database.sql(CLAIM_QUEUED_FOR)
                .bind("reports", reportIds.toArray(UUID[]::new))
                .bind("now", utc(now))
                .bind("limit", Integer.MAX_VALUE)
                .bind("claim", UUID.randomUUID())
                .bind("leaseUntil", utc(now.plus(lease)))
                .map(R2dbcNotifications::claimed)
                .all();
    }

    @Override
    public Mono<Boolean> sent(ClaimedNotification claimed, DeliveryOutcome outcome, Instant at) {
        GenericExecuteSpec spec = outcome(database.sql(SENT), claimed, outcome, at);
        spec = outcome.providerMessageId() == null
                ? spec.bindNull("messageId", String.class)
                : spec.bind("messageId", outcome.providerMessageId());
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Boolean> retryAt(ClaimedNotification claimed, DeliveryOutcome outcome, Instant next, Instant at) {
        return outcome(database.sql(RETRY), claimed, outcome, at).bind("next", utc(next))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<Boolean> failed(ClaimedNotification claimed, DeliveryOutcome outcome, boolean retireDevice, Instant at) {
        return outcome(database.sql(FAILED), claimed, outcome, at)
                .bind("retire", retireDevice)
                .bind("outcome", outcome.kind().name())
                .map(row -> row.get("changed", Long.class))
                .one()
                .map(changed -> changed != null && changed > 0);
    }

    private static GenericExecuteSpec outcome(GenericExecuteSpec spec, ClaimedNotification claimed, DeliveryOutcome outcome, Instant at) {
        return spec.bind("id", claimed.id())
                .bind("claim", claimed.claim())
                .bind("at", utc(at))
                .bind("provider", provider(claimed))
                .bind("detail", truncate(outcome.detail()));
    }

    @Override
    public Mono<Long> delivered(UUID taskId, String recipient, Instant at) {
        // The stream may get there before the push is recorded as sent: the time is kept, and SENT then reads DELIVERED.
        return database.sql("update notification set delivered_at = coalesce(delivered_at, :at), "
                        + "status = case when status = 'SENT' then 'DELIVERED' else status end "
                        + "where task_id = :task and recipient = :recipient and channel = 'PUSH' "
                        + "and status in ('QUEUED', 'SENDING', 'ERRORED', 'SENT')")
                .bind("at", utc(at))
                .bind("task", taskId)
                .bind("recipient", recipient)
                .fetch()
                .rowsUpdated();
    }

    @Override
    public Flux<DeliveryRecord> ofTask(UUID taskId) {
        return withHistory(database.sql(RECORD + "where n.task_id = :task order by n.created_at, n.id").bind("task", taskId));
    }

    @Override
    public Flux<DeliveryRecord> deadLetters(RegionScope region, @Nullable Instant before, int limit) {
        String sql = RECORD + "join coordinator_task t on t.id = n.task_id "
                + "where n.status = 'FAILED' and t.village_code like :region"
                + (before == null ? "" : " and n.created_at < :before")
                + " order by n.created_at desc limit :limit";
        GenericExecuteSpec spec = database.sql(sql).bind("region", region.prefix() + "%").bind("limit", limit);
        if (before != null) {
            spec = spec.bind("before", utc(before));
        }
        return withHistory(spec);
    }

    @Override
    public Mono<DeliveryRecord> requeue(RegionScope region, UUID id, Instant at) {
        return database.sql("""
                        with n as (
                            update notification n
                            set status = 'QUEUED', next_attempt_at = :at, failed_at = null, claim = null
                            from coordinator_task t
                            where n.id = :id and n.status = 'FAILED' and t.id = n.task_id and t.village_code like :region
                            returning n.id)
                        select n.id, pg_notify('%s', '') from n
                        """.formatted(DUE_CHANNEL))
                .bind("at", utc(at))
                .bind("id", id)
                .bind("region", region.prefix() + "%")
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(requeued -> withHistory(database.sql(RECORD + "where n.id = :id").bind("id", requeued)).next());
    }

    private Flux<DeliveryRecord> withHistory(GenericExecuteSpec select) {
        return select.map(R2dbcNotifications::record).all().collectList().flatMapMany(records -> {
            if (records.isEmpty()) {
                return Flux.empty();
            }
            List<UUID> ids = records.stream().map(DeliveryRecord::id).toList();
            return database.sql("select * from notification_attempt where notification_id = any(:ids) order by attempt")
                    .bind("ids", ids.toArray(UUID[]::new))
                    .map(row -> Map.entry(row.get("notification_id", UUID.class), new DeliveryAttempt(row.get("attempt", Integer.class),
                            instant(row, "at"), row.get("provider", String.class),
                            DeliveryOutcome.Kind.valueOf(row.get("outcome", String.class)), row.get("response", String.class))))
                    .all()
                    .collectList()
                    .flatMapMany(attempts -> {
                        Map<UUID, List<DeliveryAttempt>> byNotification = new HashMap<>();
                        attempts.forEach(entry -> byNotification.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue()));
                        return Flux.fromIterable(records).map(record -> withAttempts(record, byNotification.getOrDefault(record.id(), List.of())));
                    });
        });
    }

    private static DeliveryRecord withAttempts(DeliveryRecord record, List<DeliveryAttempt> history) {
        return new DeliveryRecord(record.id(), record.taskId(), record.recipient(), record.channel(), record.provider(), record.status(),
                record.attempts(), record.nextAttemptAt(), record.providerMessageId(), record.lastResponse(), record.createdAt(),
                record.sentAt(), record.deliveredAt(), record.acknowledgedAt(), record.failedAt(), history);
    }

    private static DeliveryRecord record(Readable row) {
        DeliveryChannel channel = DeliveryChannel.valueOf(row.get("channel", String.class));
        return new DeliveryRecord(row.get("id", UUID.class), row.get("task_id", UUID.class), row.get("recipient", String.class), channel,
                channel == DeliveryChannel.SMS ? "SMS" : row.get("provider", String.class),
                NotificationStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
                instant(row, "next_attempt_at"), row.get("provider_message_id", String.class), row.get("last_response", String.class),
                instant(row, "created_at"), nullableInstant(row, "sent_at"), nullableInstant(row, "delivered_at"),
                nullableInstant(row, "acknowledged_at"), nullableInstant(row, "failed_at"), List.of());
    }

    private static ClaimedNotification claimed(Readable row) {
        String provider = row.get("provider", String.class);
        TaskMessage message = new TaskMessage(row.get("id", UUID.class), row.get("task_id", UUID.class), row.get("report_id", UUID.class),
                row.get("reference", String.class), row.get("category", String.class), row.get("village_name", String.class),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)), row.get("kind", String.class));
        return new ClaimedNotification(row.get("id", UUID.class), row.get("claim", UUID.class), row.get("recipient", String.class),
                DeliveryChannel.valueOf(row.get("channel", String.class)), row.get("attempts", Integer.class),
                row.get("device_id", UUID.class), provider == null ? null : PushService.valueOf(provider),
                row.get("address", String.class), message, instant(row, "queued_at"));
    }

    private static String provider(ClaimedNotification claimed) {
        return claimed.channel() == DeliveryChannel.SMS ? "SMS" : String.valueOf(claimed.service());
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 2000);
    }

    private static Instant instant(Readable row, String column) {
        return row.get(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(Readable row, String column) {
        OffsetDateTime value = row.get(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
