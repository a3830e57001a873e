package org.aidline.notification.platform.persistence;

import io.r2dbc.spi.Readable;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.intake.region.RegionScope;
import org.aidline.notification.platform.DeliveryStatus;
import org.aidline.notification.platform.PlatformChange;
import org.aidline.notification.platform.PlatformDeliveries;
import org.aidline.notification.platform.PlatformDelivery;
import org.aidline.notification.platform.StatusChange;
import org.aidline.notification.platform.WorkOrder;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The 12345 work orders and their outbox in PostgreSQL; every queueing wakes the dispatchers at commit. */
public class R2dbcPlatformDeliveries implements PlatformDeliveries {

    /** PostgreSQL channel notified when a change is queued. */
    public static final String DUE_CHANNEL = "aidline_platform_due";
    static final String FOLLOWER = "platform-exchange";

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private static final String RECEIVED = """
            with orders as (
                select * from jsonb_to_recordset(cast(:orders as jsonb))
                    as o(order_number text, report_id uuid, reference text, village text, county text, triage text, event uuid,
                         at timestamptz)),
            linked as (
                insert into platform_work_order (order_number, report_id, report_reference, village_code, county_code, filed_at)
                select order_number, report_id, reference, village, county, at from orders
                on conflict do nothing
                returning 1),
            queued as (
                insert into platform_delivery (id, change_key, order_number, change, occurred_at, details, status, next_attempt_at,
                                               created_at, county_code)
                select gen_random_uuid(), 'event:' || o.event, o.order_number, 'RECEIVED', o.at, jsonb_build_object('triage', o.triage),
                       'PENDING', :now, :now, o.county
                from orders o
                on conflict (change_key) do nothing
                returning 1)
            select (select count(*) from linked) as linked, (select count(*) from queued) as queued,
                   (select count(*) from (select pg_notify(:channel, '') from queued limit 1) as n) as notified
            """;

    // The task events of these reports that the follower may have passed before they were work orders.
    private static final String CAUGHT_UP = """
            with queued as (
                insert into platform_delivery (id, change_key, order_number, change, occurred_at, status, next_attempt_at, created_at,
                                               county_code)
                select gen_random_uuid(), 'task_event:' || e.seq, w.order_number, m.change, e.at, 'PENDING', :now, :now, w.county_code
                from task_event e
                join coordinator_task t on t.id = e.task_id
                join platform_work_order w on w.report_id = t.report_id
                join unnest(cast(:types as text[]), cast(:changes as text[])) as m(type, change) on m.type = e.type
                where t.report_id = any(:reports)
                on conflict (change_key) do nothing
                returning 1)
            select count(*) as queued, (select count(*) from (select pg_notify(:channel, '') from queued limit 1) as n) as notified
            from queued
            """;

    private static final String CHANGED = """
            with queued as (
                insert into platform_delivery (id, change_key, order_number, change, occurred_at, details, status, next_attempt_at,
                                               created_at, county_code)
                select gen_random_uuid(), 'event:' || c.source, w.order_number, c.change, c.at, c.details, 'PENDING', :now, :now,
                       w.county_code
                from jsonb_to_recordset(cast(:changes as jsonb)) as c(source uuid, report_id uuid, change text, at timestamptz, details jsonb)
                join platform_work_order w on w.report_id = c.report_id
                on conflict (change_key) do nothing
                returning 1)
            select count(*) as queued, (select count(*) from (select pg_notify(:channel, '') from queued limit 1) as n) as notified
            from queued
            """;

    // One statement: the position is locked (or skipped when another instance holds it), the finished
    // task events after it are read, the work orders' ones queued, and the position moved past them.
    private static final String FOLLOW = """
            with position as (
                select last_tx, last_seq from platform_task_position where follower = :follower for update skip locked),
            finished as (
                select e.seq, e.tx, e.task_id, e.type, e.at
                from task_event e, position p
                where (e.tx, e.seq) > (p.last_tx, p.last_seq)
                  and e.tx < pg_snapshot_xmin(pg_current_snapshot())
                order by e.tx, e.seq
                limit :limit),
            queued as (
                insert into platform_delivery (id, change_key, order_number, change, occurred_at, status, next_attempt_at, created_at,
                                               county_code)
                select gen_random_uuid(), 'task_event:' || f.seq, w.order_number, m.change, f.at, 'PENDING', :now, :now, w.county_code
                from finished f
                join coordinator_task t on t.id = f.task_id
                join platform_work_order w on w.report_id = t.report_id
                join unnest(cast(:types as text[]), cast(:changes as text[])) as m(type, change) on m.type = f.type
                on conflict (change_key) do nothing
                returning 1),
            moved as (
                update platform_task_position s set last_tx = last.tx, last_seq = last.seq, updated_at = :now
                from (select tx, seq from finished order by tx desc, seq desc limit 1) as last
                where s.follower = :follower
                returning 1)
            select (select count(*) from finished) as read, (select count(*) from moved) as moved,
                   (select count(*) from (select pg_notify(:channel, '') from queued limit 1) as n) as notified
            """;

    private static final String SELECT = """
            select d.*, d.details::text as details_json, w.report_id, w.report_reference, w.village_code
            from platform_delivery d join platform_work_order w on w.order_number = d.order_number
            """;

    // Only the oldest pending change of an order is due: the platform hears of an order's changes in order.
    private static final String CLAIM = """
            with claimed as (
                update platform_delivery d set claim = :claim, next_attempt_at = :leaseUntil, attempts = d.attempts + 1
                where d.id in (
                    select p.id from platform_delivery p
                    where p.status = 'PENDING' and p.next_attempt_at <= :now
                      and not exists (select 1 from platform_delivery e
                                      where e.order_number = p.order_number and e.status = 'PENDING'
                                        and (e.occurred_at, e.seq) < (p.occurred_at, p.seq))
                    order by p.next_attempt_at
                    limit :limit
                    for update skip locked)
                returning d.*)
            select d.*, d.details::text as details_json, w.report_id, w.report_reference, w.village_code
            from claimed d join platform_work_order w on w.order_number = d.order_number
            """;

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;
    private final Clock clock;

    public R2dbcPlatformDeliveries(DatabaseClient database, TransactionalOperator transactions, JsonMapper json, Clock clock) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public Mono<Void> received(List<WorkOrder> orders) {
        List<Map<String, Object>> rows = orders.stream().<Map<String, Object>>map(order -> Map.of("order_number", order.orderNumber(),
                "report_id", order.reportId().toString(), "reference", order.reportReference(), "village", order.villageCode(),
                "county", order.countyCode(), "triage", order.triage(), "event", order.filedEvent().toString(),
                "at", order.filedAt().toString())).toList();
        Instant now = now();
        // Waits for a follower's pass to commit, and this statement's snapshot is taken after: a task event is
        // either passed by a follower that saw these links, or seen here.
        Mono<Void> locked = database.sql("select follower from platform_task_position where follower = :follower for update")
                .bind("follower", FOLLOWER).fetch().rowsUpdated().then();
        Mono<Void> linked = database.sql(RECEIVED)
                .bind("orders", json.writeValueAsString(rows)).bind("now", utc(now)).bind("channel", DUE_CHANNEL)
                .fetch().rowsUpdated().then();
        Mono<Void> caughtUp = typed(database.sql(CAUGHT_UP), PlatformChange.OF_TASK_EVENT)
                .bind("reports", orders.stream().map(WorkOrder::reportId).toArray(UUID[]::new))
                .bind("now", utc(now)).bind("channel", DUE_CHANNEL)
                .fetch().rowsUpdated().then();
        return locked.then(linked).then(caughtUp);
    }

    @Override
    public Mono<Void> changed(List<StatusChange> changes) {
        List<Map<String, Object>> rows = changes.stream().<Map<String, Object>>map(change -> Map.of("source", change.source().toString(),
                "report_id", change.reportId().toString(), "change", change.change().name(), "at", change.at().toString(),
                "details", change.details())).toList();
        return database.sql(CHANGED)
                .bind("changes", json.writeValueAsString(rows)).bind("now", utc(now())).bind("channel", DUE_CHANNEL)
                .fetch().rowsUpdated().then();
    }

    @Override
    public Mono<Integer> followTaskEvents(Map<String, PlatformChange> types, int limit) {
        return typed(database.sql(FOLLOW), types)
                .bind("follower", FOLLOWER).bind("limit", limit).bind("now", utc(now())).bind("channel", DUE_CHANNEL)
                .map(row -> row.get("read", Long.class))
                .one()
                .map(Long::intValue)
                .as(transactions::transactional);
    }

    private static GenericExecuteSpec typed(GenericExecuteSpec spec, Map<String, PlatformChange> types) {
        List<Map.Entry<String, PlatformChange>> entries = List.copyOf(types.entrySet());
        return spec.bind("types", entries.stream().map(Map.Entry::getKey).toArray(String[]::new))
                .bind("changes", entries.stream().map(entry -> entry.getValue().name()).toArray(String[]::new));
    }

    @Override
    public Flux<PlatformDelivery> claimDue(Instant now, Instant leaseUntil, UUID claim, int limit) {
        return database.sql(CLAIM)
                .bind("claim", claim).bind("now", utc(now)).bind("leaseUntil", utc(leaseUntil)).bind("limit", limit)
                .map(this::delivery)
                .all();
    }

    @Override
    public Mono<Void> delivered(UUID id, UUID claim, String response, Instant at) {
        return settle("status = 'DELIVERED', delivered_at = :at", id, claim, response, at);
    }

    @Override
    public Mono<Void> retryAt(UUID id, UUID claim, String response, Instant retryAt) {
        return settle("next_attempt_at = :at", id, claim, response, retryAt);
    }

    @Override
    public Mono<Void> failed(UUID id, UUID claim, String response, Instant at) {
        return settle("status = 'FAILED', failed_at = :at", id, claim, response, at);
    }

    private Mono<Void> settle(String assignments, UUID id, UUID claim, String response, Instant at) {
        return database.sql("update platform_delivery set " + assignments + ", claim = null, last_response = :response "
                        + "where id = :id and claim = :claim and status = 'PENDING'")
                .bind("id", id).bind("claim", claim).bind("response", response).bind("at", utc(at))
                .fetch().rowsUpdated().then();
    }

    @Override
    public Flux<PlatformDelivery> inRegion(RegionScope region, DeliveryStatus status, @Nullable Long before, int limit) {
        GenericExecuteSpec spec = database.sql(SELECT + "where d.status = :status and w.village_code like :region"
                        + (before == null ? "" : " and d.seq < :before") + " order by d.seq desc limit :limit")
                .bind("status", status.name()).bind("region", region.prefix() + "%").bind("limit", limit);
        if (before != null) {
            spec = spec.bind("before", before);
        }
        return spec.map(this::delivery).all();
    }

    @Override
    public Mono<PlatformDelivery> find(RegionScope region, UUID id) {
        return database.sql(SELECT + "where d.id = :id and w.village_code like :region")
                .bind("id", id).bind("region", region.prefix() + "%")
                .map(this::delivery).one();
    }

    @Override
    public Mono<PlatformDelivery> requeue(RegionScope region, UUID id, Instant at) {
        return database.sql("""
                        with requeued as (
                            update platform_delivery d
                            set status = 'PENDING', attempts = 0, next_attempt_at = :at, failed_at = null, claim = null
                            from platform_work_order w
                            where d.id = :id and d.status = 'FAILED' and w.order_number = d.order_number and w.village_code like :region
                            returning d.id)
                        select id, pg_notify(:channel, '') from requeued
                        """)
                .bind("id", id).bind("at", utc(at)).bind("region", region.prefix() + "%").bind("channel", DUE_CHANNEL)
                .map(row -> row.get("id", UUID.class))
                .one()
                .flatMap(requeued -> find(region, requeued));
    }

    private PlatformDelivery delivery(Readable row) {
        Map<String, Object> details = new LinkedHashMap<>(json.readValue(row.get("details_json", String.class), DETAILS));
        return new PlatformDelivery(
                row.get("id", UUID.class),
                row.get("seq", Long.class),
                row.get("order_number", String.class),
                row.get("report_id", UUID.class),
                row.get("report_reference", String.class),
                row.get("village_code", String.class),
                PlatformChange.valueOf(row.get("change", String.class)),
                instant(row, "occurred_at"),
                details,
                DeliveryStatus.valueOf(row.get("status", String.class)),
                row.get("attempts", Integer.class),
                instant(row, "next_attempt_at"),
                row.get("last_response", String.class),
                instant(row, "created_at"),
                nullableInstant(row, "delivered_at"),
                nullableInstant(row, "failed_at"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
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
