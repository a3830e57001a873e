package org.aidline.api.calendar.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.aidline.intake.calendar.CalendarYear;
import org.jspecify.annotations.Nullable;

/** A year's holidays and exchanged working days; every other weekday is a working day, every other weekend day is not. */
public record CalendarView(
        @Schema(example = "2026") int year,
        @Schema(description = "Whether the State Council's notice for the year is in: without it only weekends are known") boolean published,
        @Schema(description = "0 is the calendar the service ships (holiday-cn's data); each change is the next version", example = "0")
        int version,
        @Schema(description = "When a province supervisor last changed it") @Nullable Instant changedAt,
        @Nullable String changedBy,
        @ArraySchema(maxItems = 366) List<CalendarDayView> days) {

    static CalendarView of(CalendarYear year) {
        return new CalendarView(year.year(), year.published(), year.version(), year.changedAt(), year.changedBy(),
                year.days().stream().map(day -> new CalendarDayView(day.date().toString(), day.off(), day.name())).toList());
    }
}
