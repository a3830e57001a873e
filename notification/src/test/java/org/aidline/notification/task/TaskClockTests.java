package org.aidline.notification.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.aidline.intake.calendar.WorkingCalendar;
import org.aidline.intake.calendar.persistence.HolidayCnCalendars;
import org.junit.jupiter.api.Test;

/** A task's limits over the 2026 calendar as published: the policy's default limits (1 and 5 working days, yellow at 75 %). */
class TaskClockTests {

    static final WorkingCalendar CALENDAR = HolidayCnCalendars.load(2026, 2027);
    static final TaskLimits DEFAULT = new TaskLimits(1, 5, 75, 2, 10, 2);

    static Instant china(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingCalendar.CHINA).toInstant();
    }

    @Test
    void aTaskFiledOnTheFridayBeforeAnExchangedSaturdayIsSignedForOnThatSaturday() {
        TaskClock clock = TaskClock.start(china("2026-02-13T10:00"), false, Duration.ofMinutes(15), DEFAULT, CALENDAR);

        assertThat(clock.signForBy()).isEqualTo(china("2026-02-14T10:00"));
        // 24 h of working time, 18 h used: 14 h of Friday, 4 h of the Saturday worked.
        assertThat(clock.signForYellowAt()).isEqualTo(china("2026-02-14T04:00"));
        // Five working days: the Saturday, then Tuesday 24 to Friday 27 February after Spring Festival.
        assertThat(clock.handleBy()).isEqualTo(china("2026-02-27T10:00"));
    }

    @Test
    void anUrgentTaskIsSignedForInClockTimeEvenOnAHoliday() {
        TaskClock clock = TaskClock.start(china("2026-10-03T22:00"), true, Duration.ofMinutes(15), DEFAULT, CALENDAR);

        assertThat(clock.signForBy()).isEqualTo(china("2026-10-03T22:15"));
        assertThat(clock.signForYellowAt()).isEqualTo(china("2026-10-03T22:11:15"));
        // Handling still counts working days from Thursday 8 October: 8, 9, the exchanged Saturday 10, 12 and 13.
        assertThat(clock.handleBy()).isEqualTo(china("2026-10-14T00:00"));
    }

    @Test
    void theNextDeadlineIsSigningForUntilItIsDone() {
        TaskClock clock = TaskClock.start(china("2026-03-09T09:00"), false, Duration.ofMinutes(15), DEFAULT, CALENDAR);

        assertThat(clock.nextDeadline(false)).isEqualTo(china("2026-03-10T09:00"));
        assertThat(clock.nextDeadline(true)).isEqualTo(china("2026-03-16T09:00"));
    }
}
