package org.aidline.registry.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.intake.events.ReportStatusChanged;
import org.aidline.intake.personaldata.PersonalDataProtector;
import reactor.core.publisher.Mono;

/**
 * Enrols the household of a granted minimum-living application in the registry: the ordinary path
 * decides it in intake (a report of category BASIC_LIVING decided GRANT), and from then on the person
 * is paid by the monthly payroll, not case by case. Hears of the decision from intake's
 * {@code ReportStatusChanged} to DECIDED and reads the case from intake's published views. A replay
 * changes nothing (the enrolment is ACTIVE already). A decision the county later overturns is not
 * undone here: the county ends the enrolment with a flag's outcome or the feed's next import.
 */
public class DecisionEnrolments implements EventSubscriber {

    /** The subscriber's name, under which its position in intake's events is kept. */
    public static final String SUBSCRIBER = "registry.decision-enrolments";

    private final EnrolmentChanges enrolments;
    private final PersonalDataProtector protector;

    public DecisionEnrolments(EnrolmentChanges enrolments, PersonalDataProtector protector) {
        this.enrolments = enrolments;
        this.protector = protector;
    }

    @Override
    public String name() {
        return SUBSCRIBER;
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        if (!(event instanceof ReportStatusChanged changed) || !"DECIDED".equals(changed.to())) {
            return Mono.empty();
        }
        Instant at = changed.occurredAt().truncatedTo(ChronoUnit.MICROS);
        return enrolments.grantedMinimumLiving(changed.reportId())
                .flatMap(decided -> enrolments.enrol(decided, protector.protectName(decided.subjectName()), at))
                .then();
    }
}
