package org.aidline.intake.calendar.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.aidline.intake.calendar.CalendarDay;
import org.aidline.intake.calendar.CalendarYear;
import org.aidline.intake.calendar.CalendarYears;
import org.aidline.intake.calendar.StaleCalendarException;
import org.aidline.intake.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calendars in table working_calendar, one row per year changed by a supervisor; a year without a
 * row is the one shipped (version 0), so that the shipped data needs no seeding and a new
 * release's data reaches every year nobody has changed.
 */
public class R2dbcCalendarYears implements CalendarYears {

    // The first change of a shipped year inserts version 1; a later one updates only the version it read.
    private static final String REPLACE = """
            insert into working_calendar (year, days, published, version, changed_at, changed_by)
            values (:year, cast(:days as jsonb), :published, :basedOn + 1, :at, :by)
            on conflict (year) do update
            set days = excluded.days, published = excluded.published, version = excluded.version,
                changed_at = excluded.changed_at, changed_by = excluded.changed_by
            where working_calendar.version = :basedOn
            returning year, days::text as days, published, version, changed_at, changed_by
            """;

    private static final String SELECT = "select year, days::text as days, published, version, changed_at, changed_by from working_calendar ";

    private static final TypeReference<List<StoredDay>> DAYS = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final TransactionalOperator transactions;
    private final JsonMapper json;

    public R2dbcCalendarYears(DatabaseClient database, TransactionalOperator transactions, JsonMapper json) {
        this.database = database;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    public Mono<CalendarYear> year(int year) {
        return database.sql(SELECT + "where year = :year").bind("year", year)
                .map(this::calendarYear).one()
                .switchIfEmpty(Mono.fromSupplier(() -> HolidayCnCalendars.shipped(year)));
    }

    @Override
    public Mono<WorkingCalendar> covering(int firstYear, int lastYear) {
        return database.sql(SELECT + "where year between :first and :last")
                .bind("first", firstYear).bind("last", lastYear)
                .map(this::calendarYear).all()
                .collectList()
                .map(stored -> {
                    Map<Integer, CalendarYear> byYear = new LinkedHashMap<>();
                    IntStream.rangeClosed(firstYear, lastYear).forEach(year -> byYear.put(year, null));
                    stored.forEach(year -> byYear.put(year.year(), year));
                    List<CalendarYear> years = new ArrayList<>();
                    byYear.forEach((year, kept) -> years.add(kept != null ? kept : HolidayCnCalendars.shipped(year)));
                    return CalendarYear.combined(years);
                });
    }

    @Override
    public Mono<CalendarYear> replace(int year, List<CalendarDay> days, boolean published, int basedOn, String by, Instant at) {
        List<StoredDay> stored = days.stream().map(day -> new StoredDay(day.date().toString(), day.off(), day.name())).toList();
        return database.sql(REPLACE)
                .bind("year", year).bind("days", json.writeValueAsString(stored)).bind("published", published)
                .bind("basedOn", basedOn).bind("at", at.atOffset(ZoneOffset.UTC)).bind("by", by)
                .map(this::calendarYear).one()
                .switchIfEmpty(Mono.defer(() -> year(year).flatMap(current -> Mono.error(new StaleCalendarException(current.version())))))
                .as(transactions::transactional);
    }

    private CalendarYear calendarYear(Readable row) {
        List<StoredDay> stored = json.readValue(row.get("days", String.class), DAYS);
        List<CalendarDay> days = stored.stream().map(day -> new CalendarDay(LocalDate.parse(day.date()), day.off(), day.name())).toList();
        OffsetDateTime changedAt = row.get("changed_at", OffsetDateTime.class);
        return new CalendarYear(row.get("year", Integer.class), days, Boolean.TRUE.equals(row.get("published", Boolean.class)),
                row.get("version", Integer.class), changedAt == null ? null : changedAt.toInstant(), row.get("changed_by", String.class));
    }

    /** A day as kept in the row's JSON. */
    record StoredDay(String date, boolean off, @Nullable String name) {
    }
}
