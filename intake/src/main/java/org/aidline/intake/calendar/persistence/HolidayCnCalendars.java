package org.aidline.intake.calendar.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.aidline.intake.calendar.CalendarDay;
import org.aidline.intake.calendar.CalendarYear;
import org.aidline.intake.calendar.WorkingCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendars the service ships with: holiday-cn's yearly JSON (github.com/NateScarlet/holiday-cn,
 * taken from the State Council general office's notices, whose address each file names under
 * {@code papers}), one resource per year under {@code calendar/}. A year whose file lists no
 * notice is not yet published: only its weekends are known. Shipped years are version 0.
 */
public final class HolidayCnCalendars {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HolidayCnCalendars() {
    }

    public static WorkingCalendar load(int... years) {
        List<CalendarYear> loaded = new ArrayList<>();
        for (int year : years) {
            loaded.add(shipped(year));
        }
        return CalendarYear.combined(loaded);
    }

    /** The shipped calendar of the year; weekends only when the service ships none. */
    public static CalendarYear shipped(int year) {
        String resource = "calendar/holiday-cn-" + year + ".json";
        try (InputStream in = HolidayCnCalendars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return CalendarYear.weekendsOnly(year);
            }
            JsonNode file = JSON.readTree(in);
            if (file.path("year").asInt() != year) {
                throw new IllegalStateException(resource + " is the calendar of " + file.path("year").asInt());
            }
            List<CalendarDay> days = new ArrayList<>();
            for (JsonNode day : file.path("days")) {
                days.add(new CalendarDay(LocalDate.parse(day.path("date").asString()), day.path("isOffDay").asBoolean(),
                        day.path("name").asString()));
            }
            return new CalendarYear(year, days, !file.path("papers").isEmpty(), 0, null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
