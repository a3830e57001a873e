package org.aidline.notification.task;

import java.time.Duration;
import java.time.Instant;
import org.aidline.intake.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;

/**
 * A task's two limits: signing for it (签收) and handling it, each with the moment it turns
 * YELLOW, and the light they give now (null once the task is completed). Tasks opened before the
 * limits existed have none.
 */
public record TaskClock(
        @Nullable Instant signForBy,
        @Nullable Instant signForYellowAt,
        @Nullable Instant handleBy,
        @Nullable Instant handleYellowAt,
        @Nullable Light light) {

    /**
     * The limits of a task opened at {@code filedAt}: an urgent one is signed for within
     * {@code urgentSignFor} of clock time, any other within its working days; both are handled
     * within their working days.
     */
    public static TaskClock start(Instant filedAt, boolean urgent, Duration urgentSignFor, TaskLimits limits, WorkingCalendar calendar) {
        Instant signForBy = urgent ? filedAt.plus(urgentSignFor) : calendar.plusWorkingDays(filedAt, limits.signForWorkingDays());
        Instant signForYellowAt = urgent
                ? filedAt.plus(urgentSignFor.multipliedBy(limits.yellowPercent()).dividedBy(100))
                : yellowAt(filedAt, signForBy, limits.yellowPercent(), calendar);
        Instant handleBy = calendar.plusWorkingDays(filedAt, limits.handlingWorkingDays());
        return new TaskClock(signForBy, signForYellowAt, handleBy, yellowAt(filedAt, handleBy, limits.yellowPercent(), calendar), null);
    }

    /**
     * The deadline that matters next: signing for while it is not done, then handling (the
     * database's task_next_deadline() sorts by the same rule).
     */
    public @Nullable Instant nextDeadline(boolean signedFor) {
        if (signedFor || signForBy == null) {
            return handleBy;
        }
        return handleBy == null || signForBy.isBefore(handleBy) ? signForBy : handleBy;
    }

    /** When the given share of the working time from {@code start} to {@code deadline} is used. */
    public static Instant yellowAt(Instant start, Instant deadline, int percent, WorkingCalendar calendar) {
        Duration working = calendar.workingTimeBetween(start, deadline);
        return calendar.plusWorkingTime(start, working.multipliedBy(percent).dividedBy(100));
    }
}
