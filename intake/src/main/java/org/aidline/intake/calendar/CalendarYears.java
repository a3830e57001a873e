package org.aidline.intake.calendar;

import java.time.Instant;
import java.util.List;
import reactor.core.publisher.Mono;

/** Where the years' calendars are kept: a province supervisor's latest version, else what the service ships with. */
public interface CalendarYears {

    Mono<CalendarYear> year(int year);

    /** The working calendar from the first to the last year given (both included), read at once. */
    Mono<WorkingCalendar> covering(int firstYear, int lastYear);

    /** Replaces the year's days if its version is still {@code basedOn}; else {@link StaleCalendarException}. */
    Mono<CalendarYear> replace(int year, List<CalendarDay> days, boolean published, int basedOn, String by, Instant at);
}
