package org.aidline.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/**
 * One change to a person's enrolments: those in {@code from} (of {@code programme}, or of every
 * programme) move to {@code to} and/or take {@code monthlyAmountFen}; with neither, the change is
 * only a line in their history (a flag cleared). {@code on} is the day an ENDED enrolment ended.
 */
public record EnrolmentChange(
        Set<EnrolmentStatus> from,
        @Nullable EnrolmentStatus to,
        @Nullable Programme programme,
        @Nullable Long monthlyAmountFen,
        String reason,
        LocalDate on,
        ChangeSource source,
        String changedBy,
        Instant at) {

    public EnrolmentChange {
        from = Set.copyOf(from);
        if (from.isEmpty() || from.contains(EnrolmentStatus.ENDED)) {
            // An ended enrolment is history: nothing brings it back or pays it again.
            throw new IllegalArgumentException("A change applies to ACTIVE or SUSPENDED enrolments");
        }
        if (monthlyAmountFen != null && (monthlyAmountFen < 0 || programme == null)) {
            throw new IllegalArgumentException("A new monthly amount is for one programme, and not negative");
        }
    }

    /** A person's death or an end for cause: every enrolment still running ends on that day. */
    public static EnrolmentChange endAll(String reason, LocalDate on, ChangeSource source, String by, Instant at) {
        return new EnrolmentChange(Set.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED), EnrolmentStatus.ENDED, null, null, reason, on,
                source, by, at);
    }
}
