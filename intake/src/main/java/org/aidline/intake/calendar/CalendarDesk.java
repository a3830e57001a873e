package org.aidline.intake.calendar;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.aidline.intake.access.Actor;
import org.aidline.intake.access.Role;
import org.aidline.intake.policy.Jurisdiction;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.policy.Policy;
import reactor.core.publisher.Mono;

/**
 * The calendar as people see and change it: every staff member reads it (deadlines are counted in
 * it); only a province supervisor changes it, since counties do not differ here.
 */
public class CalendarDesk {

    private final CalendarYears years;
    private final Clock clock;

    public CalendarDesk(CalendarYears years, Clock clock) {
        this.years = years;
        this.clock = clock;
    }

    /** Empty when the year is not one a calendar is kept for, or the actor is not staff. */
    public Mono<CalendarYear> read(Actor actor, int year) {
        if (!CalendarYear.isKept(year) || !actor.hasAny(Role.OPERATOR, Role.COORDINATOR, Role.SUPERVISOR, Role.AUDITOR)) {
            return Mono.empty();
        }
        return years.year(year);
    }

    public Mono<CalendarYear> change(Actor actor, int year, List<CalendarDay> days, boolean published, int basedOn) {
        if (!Jurisdiction.covers(actor, Policy.PROVINCE_DEFAULT, Role.SUPERVISOR)) {
            return Mono.error(new OutsideJurisdictionException("Only a province supervisor changes the working-day calendar."));
        }
        if (!CalendarYear.isKept(year)) {
            return Mono.error(new InvalidCalendarException(List.of(new CalendarViolation("year",
                    "must be " + CalendarYear.FIRST + " to " + CalendarYear.LAST))));
        }
        List<CalendarViolation> violations = CalendarYear.violations(year, days);
        if (!violations.isEmpty()) {
            return Mono.error(new InvalidCalendarException(violations));
        }
        return years.replace(year, days, published, basedOn, actor.subject(), clock.instant().truncatedTo(ChronoUnit.MICROS));
    }
}
