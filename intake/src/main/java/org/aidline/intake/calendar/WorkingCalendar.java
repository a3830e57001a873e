package org.aidline.intake.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;

/**
 * Which days are working days, and deadlines counted in them. A day the calendar names is a
 * holiday (off) or an exchanged working day (a weekend day worked, 调休); any other day is a
 * working day from Monday to Friday. Days are those of Asia/Shanghai, whole days from 00:00.
 *
 * @param adjusted the published days: true for a day off, false for a weekend day worked
 * @param published the years whose calendar has been published (for the others only weekends count)
 */
public record WorkingCalendar(Map<LocalDate, Boolean> adjusted, Set<Integer> published) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The longest a count may run: a deadline is never years away; more is a mistake, not a deadline. */
    private static final int MOST_DAYS = 366;

    public WorkingCalendar {
        adjusted = Map.copyOf(adjusted);
        published = Set.copyOf(published);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean off = adjusted.get(day);
        if (off != null) {
            return !off;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The {@code n}-th working day after {@code day} (n >= 1; {@code day} itself never counts). */
    public LocalDate nthWorkingDayAfter(LocalDate day, int n) {
        if (n < 1 || n > MOST_DAYS) {
            throw new IllegalArgumentException("Count 1 to " + MOST_DAYS + " working days");
        }
        LocalDate current = day;
        int counted = 0;
        while (counted < n) {
            current = current.plusDays(1);
            if (isWorkingDay(current)) {
                counted++;
            }
        }
        return current;
    }

    /**
     * {@code n} working days after {@code start}: on a working day, the same time of day {@code n}
     * working days later (Friday 10:00 plus 1 is Monday 10:00, or the exchanged Saturday before a
     * holiday); outside working days (a weekend, a holiday), the time counts from the next working
     * day's start, so the deadline is the end of the {@code n}-th working day from there.
     */
    public Instant plusWorkingDays(Instant start, int n) {
        ZonedDateTime local = start.atZone(CHINA);
        LocalDate day = local.toLocalDate();
        if (isWorkingDay(day)) {
            return nthWorkingDayAfter(day, n).atTime(local.toLocalTime()).atZone(CHINA).toInstant();
        }
        LocalDate last = n == 1 ? nthWorkingDayAfter(day, 1) : nthWorkingDayAfter(nthWorkingDayAfter(day, 1), n - 1);
        return last.plusDays(1).atStartOfDay(CHINA).toInstant();
    }

    /** The time between {@code from} and {@code to} that falls on working days (zero when {@code to} is not after {@code from}). */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(CHINA).toLocalDate();
        LocalDate last = to.atZone(CHINA).toLocalDate();
        if (day.until(last).toTotalMonths() > 24) {
            throw new IllegalArgumentException("Working time is counted over at most two years");
        }
        while (!day.isAfter(last)) {
            if (isWorkingDay(day)) {
                Instant dayStart = day.atStartOfDay(CHINA).toInstant();
                Instant dayEnd = day.plusDays(1).atStartOfDay(CHINA).toInstant();
                Instant begin = from.isAfter(dayStart) ? from : dayStart;
                Instant end = to.isBefore(dayEnd) ? to : dayEnd;
                if (end.isAfter(begin)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
            day = day.plusDays(1);
        }
        return total;
    }

    /**
     * The moment when {@code workingTime} of working days has passed since {@code start} (time on
     * days off does not count): where a share of a limit's working time is used up.
     */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative() || workingTime.toDays() > MOST_DAYS) {
            throw new IllegalArgumentException("Add 0 to " + MOST_DAYS + " days of working time");
        }
        Duration left = workingTime;
        Instant at = start;
        LocalDate day = start.atZone(CHINA).toLocalDate();
        while (true) {
            Instant dayEnd = day.plusDays(1).atStartOfDay(CHINA).toInstant();
            if (isWorkingDay(day)) {
                Duration rest = Duration.between(at, dayEnd);
                if (left.compareTo(rest) <= 0) {
                    return at.plus(left);
                }
                left = left.minus(rest);
            }
            day = day.plusDays(1);
            at = dayEnd;
        }
    }

    /** Whether the State Council's calendar for the year is in: without it, only weekends are known. */
    public boolean isPublished(int year) {
        return published.contains(year);
    }
}
