package org.aidline.intake.calendar.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.aidline.intake.calendar.WorkingCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The calendars the service ships with: holiday-cn's yearly JSON (github.com/NateScarlet/holiday-cn,
 * taken from the State Council general office's notices, whose address each file names under
 * {@code papers}), one resource per year under {@code calendar/}. A year whose file lists no
 * notice is not yet published: only its weekends are known.
 */
public final class HolidayCnCalendars {

    private HolidayCnCalendars() {
    }

    public static WorkingCalendar load(JsonMapper json, int... years) {
        Map<LocalDate, Boolean> adjusted = new HashMap<>();
        Set<Integer> published = new HashSet<>();
        for (int year : years) {
            String resource = "calendar/holiday-cn-" + year + ".json";
            try (InputStream in = HolidayCnCalendars.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("No calendar resource " + resource);
                }
                JsonNode file = json.readTree(in);
                if (file.path("year").asInt() != year) {
                    throw new IllegalStateException(resource + " is the calendar of " + file.path("year").asInt());
                }
                for (JsonNode day : file.path("days")) {
                    adjusted.put(LocalDate.parse(day.path("date").asString()), day.path("isOffDay").asBoolean());
                }
                if (!file.path("papers").isEmpty()) {
                    published.add(year);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new WorkingCalendar(adjusted, published);
    }
}
