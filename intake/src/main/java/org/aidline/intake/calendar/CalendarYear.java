package org.aidline.intake.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A year's holidays and exchanged working days, as published, in a version: 0 is what the service
 * ships with (holiday-cn's data, or weekends only when nothing is published yet), each change by a
 * province supervisor the next one.
 */
public record CalendarYear(int year, List<CalendarDay> days, boolean published, int version, @Nullable Instant changedAt,
        @Nullable String changedBy) {

    /** The years a calendar may be kept for: a deadline is never further away, and nothing is older than the service. */
    public static final int FIRST = 2000;
    public static final int LAST = 2099;

    private static final int NAME_LENGTH = 40;

    public CalendarYear {
        days = days.stream().sorted(Comparator.comparing(CalendarDay::date)).toList();
    }

    public static CalendarYear weekendsOnly(int year) {
        return new CalendarYear(year, List.of(), false, 0, null, null);
    }

    public static boolean isKept(int year) {
        return year >= FIRST && year <= LAST;
    }

    /** What is wrong with the days as the calendar of {@code year}, field by field (nothing when they can be kept). */
    public static List<CalendarViolation> violations(int year, List<CalendarDay> days) {
        List<CalendarViolation> found = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            CalendarDay day = days.get(i);
            String field = "days[" + i + "]";
            if (day.date().getYear() != year) {
                found.add(new CalendarViolation(field + ".date", "is not a day of " + year));
            } else if (!seen.add(day.date())) {
                found.add(new CalendarViolation(field + ".date", "is named twice"));
            } else if (!day.off() && !isWeekend(day.date())) {
                found.add(new CalendarViolation(field + ".off", "a weekday is a working day already; only a weekend day can be worked in exchange"));
            }
            if (day.name() != null && (day.name().isBlank() || day.name().length() > NAME_LENGTH)) {
                found.add(new CalendarViolation(field + ".name", "must be 1 to " + NAME_LENGTH + " characters"));
            }
        }
        return found;
    }

    /** The working calendar over these years (the others count weekends only). */
    public static WorkingCalendar combined(List<CalendarYear> years) {
        Map<LocalDate, Boolean> adjusted = new HashMap<>();
        Set<Integer> published = new HashSet<>();
        for (CalendarYear year : years) {
            year.days().forEach(day -> adjusted.put(day.date(), day.off()));
            if (year.published()) {
                published.add(year.year());
            }
        }
        return new WorkingCalendar(adjusted, published);
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
