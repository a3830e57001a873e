package org.aidline.registry.monitoring.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.aidline.intake.money.Money;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.ReportId;
import org.aidline.registry.monitoring.EventAction;
import org.aidline.registry.monitoring.EventKey;
import org.aidline.registry.monitoring.EventResult;
import org.aidline.registry.monitoring.EventRule;
import org.aidline.registry.monitoring.RegistryEvent;
import org.aidline.registry.monitoring.RegistryEventType;
import org.aidline.registry.monitoring.RegistryEvents;
import org.aidline.registry.monitoring.Warning;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import reactor.core.publisher.Mono;

/** Registry events, rules and warnings in the registry's schema; every statement runs in the caller's transaction. */
public class R2dbcRegistryEvents implements RegistryEvents {

    /** The code under which the province's rules are kept (intake's policy uses the same). */
    static final String PROVINCE = "640000";

    // On a conflict the insert waits for the other transaction holding the key, then does nothing.
    private static final String RECEIVE = """
            insert into registry_event (source, event_id, id, event_type, id_number_hash, county_code, village_code, occurred_on,
                                        amount_fen, outcome, received_by, received_at)
            values (:source, :eventId, :id, :type, :person, :county, :village, :occurredOn, :amount, 'RECEIVED', :by, :at)
            on conflict (source, event_id) do nothing
            """;

    // The county's own rule wins over the province's, whatever their dates; the latest in force on the day.
    private static final String RULE = """
            select county_code, event_type, effective_from, action, category, merge_window_days, threshold_fen, proactive
            from registry_event_rule
            where county_code in (:county, :province) and event_type = :type and effective_from <= :on
            order by (county_code = :county) desc, effective_from desc
            limit 1
            """;

    // Serialises warnings per person and cause (a transaction-level lock: released by commit or rollback).
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended(encode(:person, 'hex') || ':' || :cause, 0))";

    private static final String WARNING = """
            select id, id_number_hash, cause, county_code, village_code, report_id, opened_on, merge_until, events
            from monitoring_warning
            where id_number_hash = :person and cause = :cause
              and :on < merge_until and :on > opened_on - (merge_until - opened_on)
            order by opened_on desc
            limit 1
            """;

    private final DatabaseClient database;

    public R2dbcRegistryEvents(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Mono<Boolean> receive(RegistryEvent event, UUID id, byte[] person, String receivedBy, Instant at) {
        GenericExecuteSpec spec = database.sql(RECEIVE)
                .bind("source", event.key().source())
                .bind("eventId", event.key().eventId())
                .bind("id", id)
                .bind("type", event.type().name())
                .bind("person", person)
                .bind("county", event.countyCode())
                .bind("village", event.village().value())
                .bind("occurredOn", event.occurredOn())
                .bind("by", receivedBy)
                .bind("at", utc(at));
        spec = event.amount() == null ? spec.bindNull("amount", Long.class) : spec.bind("amount", event.amount().fen());
        return spec.fetch().rowsUpdated().map(rows -> rows > 0);
    }

    @Override
    public Mono<EventResult.AlreadyReceived> earlier(EventKey key) {
        return database.sql("select outcome, report_id from registry_event where source = :source and event_id = :eventId")
                .bind("source", key.source())
                .bind("eventId", key.eventId())
                .map(row -> {
                    UUID report = row.get("report_id", UUID.class);
                    return new EventResult.AlreadyReceived(row.get("outcome", String.class), report == null ? null : new ReportId(report));
                })
                .one();
    }

    @Override
    public Mono<EventRule> ruleFor(String countyCode, RegistryEventType type, LocalDate on) {
        return database.sql(RULE)
                .bind("county", countyCode)
                .bind("province", PROVINCE)
                .bind("type", type.name())
                .bind("on", on)
                .map(R2dbcRegistryEvents::rule)
                .one();
    }

    @Override
    public Mono<Warning> lockedWarning(byte[] person, RegistryEventType cause, LocalDate on) {
        return database.sql(LOCK).bind("person", person).bind("cause", cause.name()).map((row, meta) -> 1).all()
                .then(database.sql(WARNING)
                        .bind("person", person)
                        .bind("cause", cause.name())
                        .bind("on", on)
                        .map(R2dbcRegistryEvents::warning)
                        .one());
    }

    @Override
    public Mono<Void> open(Warning warning, Instant at) {
        return database.sql("""
                        insert into monitoring_warning (id, id_number_hash, cause, county_code, village_code, report_id, opened_on,
                                                        merge_until, events, created_at, updated_at)
                        values (:id, :person, :cause, :county, :village, :report, :openedOn, :mergeUntil, :events, :at, :at)
                        """)
                .bind("id", warning.id())
                .bind("person", warning.person())
                .bind("cause", warning.cause().name())
                .bind("county", warning.countyCode())
                .bind("village", warning.villageCode())
                .bind("report", warning.report().value())
                .bind("openedOn", warning.openedOn())
                .bind("mergeUntil", warning.mergeUntil())
                .bind("events", warning.events())
                .bind("at", utc(at))
                .then();
    }

    @Override
    public Mono<Integer> merge(UUID warning, Instant at) {
        return database.sql("update monitoring_warning set events = events + 1, updated_at = :at where id = :id returning events")
                .bind("id", warning)
                .bind("at", utc(at))
                .map(row -> row.get("events", Integer.class))
                .one();
    }

    @Override
    public Mono<Void> complete(EventKey key, String outcome, @Nullable ReportId report, @Nullable UUID warning,
            @Nullable Integer enrolments, @Nullable String detail) {
        GenericExecuteSpec spec = database.sql("""
                        update registry_event set outcome = :outcome, report_id = :report, warning_id = :warning, enrolments = :enrolments,
                                                  detail = :detail
                        where source = :source and event_id = :eventId
                        """)
                .bind("source", key.source())
                .bind("eventId", key.eventId())
                .bind("outcome", outcome);
        spec = report == null ? spec.bindNull("report", UUID.class) : spec.bind("report", report.value());
        spec = warning == null ? spec.bindNull("warning", UUID.class) : spec.bind("warning", warning);
        spec = enrolments == null ? spec.bindNull("enrolments", Integer.class) : spec.bind("enrolments", enrolments);
        spec = detail == null ? spec.bindNull("detail", String.class) : spec.bind("detail", detail);
        return spec.then();
    }

    private static EventRule rule(Readable row) {
        String category = row.get("category", String.class);
        Long threshold = row.get("threshold_fen", Long.class);
        return new EventRule(row.get("county_code", String.class), RegistryEventType.valueOf(row.get("event_type", String.class)),
                row.get("effective_from", LocalDate.class), EventAction.valueOf(row.get("action", String.class)),
                category == null ? null : Category.valueOf(category), row.get("merge_window_days", Integer.class),
                threshold == null ? null : Money.ofFen(threshold), Boolean.TRUE.equals(row.get("proactive", Boolean.class)));
    }

    private static Warning warning(Readable row) {
        return new Warning(row.get("id", UUID.class), row.get("id_number_hash", byte[].class),
                RegistryEventType.valueOf(row.get("cause", String.class)), row.get("county_code", String.class),
                row.get("village_code", String.class), new ReportId(row.get("report_id", UUID.class)),
                row.get("opened_on", LocalDate.class), row.get("merge_until", LocalDate.class), row.get("events", Integer.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
