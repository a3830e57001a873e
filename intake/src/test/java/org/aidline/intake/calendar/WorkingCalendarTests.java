package org.aidline.intake.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.aidline.intake.calendar.persistence.HolidayCnCalendars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 2026 calendar as published (国办发明电〔2025〕, holiday-cn's 2026.json) and 2027 before its notice. */
class WorkingCalendarTests {

    static final WorkingCalendar CALENDAR = HolidayCnCalendars.load(2026, 2027);

    static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
    }

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
            "2026-01-01, false",   // New Year's Day
            "2026-01-04, true",    // a Sunday worked in exchange
            "2026-02-13, true",    // the Friday before the exchanged Saturday
            "2026-02-14, true",    // Saturday worked before Spring Festival
            "2026-02-15, false",   // Spring Festival, a Sunday off anyway
            "2026-02-23, false",   // the Festival's last day, a Monday
            "2026-02-24, true",
            "2026-02-28, true",    // Saturday worked after it
            "2026-10-01, false",   // National Day week
            "2026-10-07, false",
            "2026-10-08, true",
            "2026-10-10, true",    // Saturday worked after it
            "2026-10-11, false",   // an ordinary Sunday
            "2027-01-01, true",    // 2027 is not published yet: a Friday is a working day
            "2027-01-02, false"})
    void workingDaysFollowTheNotice(LocalDate day, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void theLastWorkingDayBeforeSpringFestivalIsTheExchangedSaturday() {
        // Friday 13 Feb, 10:00, plus one working day: Saturday 14 Feb (worked), not Monday.
        assertThat(CALENDAR.plusWorkingDays(china("2026-02-13T10:00"), 1)).isEqualTo(china("2026-02-14T10:00"));
        // From that Saturday, one working day later is the Tuesday after the nine days off.
        assertThat(CALENDAR.plusWorkingDays(china("2026-02-14T16:30"), 1)).isEqualTo(china("2026-02-24T16:30"));
        assertThat(CALENDAR.nthWorkingDayAfter(LocalDate.parse("2026-02-12"), 3)).isEqualTo(LocalDate.parse("2026-02-24"));
    }

    @Test
    void aReportFiledOnAHolidayCountsFromTheNextWorkingDaysStart() {
        // Filed on 2 October: the first working day is Thursday 8 October; one working day ends at its midnight.
        assertThat(CALENDAR.plusWorkingDays(china("2026-10-02T11:00"), 1)).isEqualTo(china("2026-10-09T00:00"));
        // Three working days: 8 (Thu), 9 (Fri), 10 (the exchanged Saturday).
        assertThat(CALENDAR.plusWorkingDays(china("2026-10-02T11:00"), 3)).isEqualTo(china("2026-10-11T00:00"));
    }

    @Test
    void workingTimeBetweenLeavesHolidaysAndWeekendsOut() {
        // Thursday 30 Sep 18:00 to Thursday 8 Oct 09:00: 6 h of the 30th, nothing of National Day week, 9 h of the 8th.
        assertThat(CALENDAR.workingTimeBetween(china("2026-09-30T18:00"), china("2026-10-08T09:00"))).isEqualTo(Duration.ofHours(15));
        // Friday 9 Oct 12:00 to Monday 12 Oct 12:00: 12 h + the exchanged Saturday (24 h) + 12 h; Sunday not.
        assertThat(CALENDAR.workingTimeBetween(china("2026-10-09T12:00"), china("2026-10-12T12:00"))).isEqualTo(Duration.ofHours(48));
        assertThat(CALENDAR.workingTimeBetween(china("2026-10-12T12:00"), china("2026-10-09T12:00"))).isZero();
    }

    @Test
    void workingTimeIsAddedOverWorkingDaysOnly() {
        // The inverse of workingTimeBetween over National Day week.
        assertThat(CALENDAR.plusWorkingTime(china("2026-09-30T18:00"), Duration.ofHours(15))).isEqualTo(china("2026-10-08T09:00"));
        // A Friday before an exchanged Saturday: 14 h are left of Friday, the other 4 h fall on the Saturday worked.
        assertThat(CALENDAR.plusWorkingTime(china("2026-02-13T10:00"), Duration.ofHours(18))).isEqualTo(china("2026-02-14T04:00"));
        // Started on a Sunday: the time counts from Monday's start.
        assertThat(CALENDAR.plusWorkingTime(china("2026-03-08T15:00"), Duration.ofHours(6))).isEqualTo(china("2026-03-09T06:00"));
        assertThat(CALENDAR.plusWorkingTime(china("2026-03-09T15:00"), Duration.ZERO)).isEqualTo(china("2026-03-09T15:00"));
    }

    @Test
    void aYearIsPublishedOnlyWithItsNotice() {
        assertThat(CALENDAR.isPublished(2026)).isTrue();
        assertThat(CALENDAR.isPublished(2027)).isFalse();
    }

    @Test
    void aCountIsOneToAYearOfWorkingDays() {
        assertThatThrownBy(() -> CALENDAR.nthWorkingDayAfter(LocalDate.parse("2026-03-02"), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CALENDAR.nthWorkingDayAfter(LocalDate.parse("2026-03-02"), 367)).isInstanceOf(IllegalArgumentException.class);
    }
}
