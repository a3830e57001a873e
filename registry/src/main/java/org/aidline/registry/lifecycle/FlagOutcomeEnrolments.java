package org.aidline.registry.lifecycle;

import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.aidline.intake.calendar.WorkingCalendar;
import org.aidline.intake.events.EventSubscriber;
import org.aidline.intake.events.FlagOutcomeRecorded;
import org.aidline.intake.events.IntakeEvent;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.Programme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Applies the outcomes of suspicious-data flags' checks, as intake publishes them, to the person's
 * enrolments: SUSPENDED pauses the active ones, ENDED ends every running one, AMOUNT_CHANGED sets
 * the programme's monthly amount, CLEARED only adds a history line (a suspension for another cause
 * is not lifted by a cleared flag). Runs in the transaction that consumes the event.
 */
public class FlagOutcomeEnrolments implements EventSubscriber {

    /** The subscriber's name, under which its position in intake's events is kept. */
    public static final String SUBSCRIBER = "registry.flag-outcomes";

    private static final Logger log = LoggerFactory.getLogger(FlagOutcomeEnrolments.class);

    private final EnrolmentChanges enrolments;

    public FlagOutcomeEnrolments(EnrolmentChanges enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    public String name() {
        return SUBSCRIBER;
    }

    @Override
    public Mono<Void> on(IntakeEvent event) {
        if (!(event instanceof FlagOutcomeRecorded recorded) || recorded.subjectKey() == null) {
            return Mono.empty();
        }
        Optional<EnrolmentChange> change = changeOf(recorded);
        if (change.isEmpty()) {
            log.warn("Flag outcome {} of report {} names an outcome or programme this version does not know; skipped",
                    recorded.outcome(), recorded.reportId());
            return Mono.empty();
        }
        return enrolments.apply(Base64.getDecoder().decode(recorded.subjectKey()), change.get()).then();
    }

    /** The enrolment change an outcome makes; empty for an outcome or programme this version does not know. */
    static Optional<EnrolmentChange> changeOf(FlagOutcomeRecorded recorded) {
        Programme programme;
        try {
            programme = recorded.programme() == null ? null : Programme.valueOf(recorded.programme());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
        LocalDate on = LocalDate.ofInstant(recorded.occurredAt(), WorkingCalendar.CHINA);
        String reason = "Flag " + recorded.source() + ":" + recorded.flagId() + " " + recorded.outcome() + ": " + recorded.note();
        Set<EnrolmentStatus> running = Set.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.SUSPENDED);
        EnrolmentChange change;
        switch (recorded.outcome()) {
            case "CLEARED":
                change = new EnrolmentChange(running, null, programme, null, reason, on, ChangeSource.FLAG_OUTCOME, recorded.recordedBy(),
                        recorded.occurredAt());
                break;
            case "SUSPENDED":
                change = new EnrolmentChange(Set.of(EnrolmentStatus.ACTIVE), EnrolmentStatus.SUSPENDED, programme, null, reason, on,
                        ChangeSource.FLAG_OUTCOME, recorded.recordedBy(), recorded.occurredAt());
                break;
            case "ENDED":
                change = new EnrolmentChange(running, EnrolmentStatus.ENDED, programme, null, reason, on, ChangeSource.FLAG_OUTCOME,
                        recorded.recordedBy(), recorded.occurredAt());
                break;
            case "AMOUNT_CHANGED":
                if (programme == null || recorded.amountFen() == null) {
                    return Optional.empty();
                }
                change = new EnrolmentChange(running, null, programme, recorded.amountFen(), reason, on, ChangeSource.FLAG_OUTCOME,
                        recorded.recordedBy(), recorded.occurredAt());
                break;
            default:
                return Optional.empty();
        }
        return Optional.of(change);
    }
}
