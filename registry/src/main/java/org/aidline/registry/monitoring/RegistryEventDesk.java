package org.aidline.registry.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.aidline.intake.access.Actor;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportFiling;
import org.aidline.intake.report.Subject;
import org.aidline.intake.report.UnknownVillageException;
import org.aidline.registry.lifecycle.ChangeSource;
import org.aidline.registry.lifecycle.EnrolmentChange;
import org.aidline.registry.lifecycle.EnrolmentChanges;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Receives the departments' events: each in a transaction of its own that records it (once per
 * source event id), applies the county's rule in force on the event's day and writes what it did.
 * A report is filed through intake's filing service in that same transaction, so an event that
 * filed nothing was not recorded either, and is taken again when the feed resends it.
 */
public class RegistryEventDesk {

    /** The subject's household size when the department does not say: the person alone. */
    private static final int HOUSEHOLD_UNKNOWN = 1;

    private final RegistryEvents events;
    private final EnrolmentChanges enrolments;
    private final ReportFiling filing;
    private final PersonalDataProtector protector;
    private final Function<Mono<EventResult>, Mono<EventResult>> transactional;
    private final Clock clock;

    public RegistryEventDesk(RegistryEvents events, EnrolmentChanges enrolments, ReportFiling filing, PersonalDataProtector protector,
            Function<Mono<EventResult>, Mono<EventResult>> transactional, Clock clock) {
        this.events = events;
        this.enrolments = enrolments;
        this.filing = filing;
        this.protector = protector;
        this.transactional = transactional;
        this.clock = clock;
    }

    /** A batch, a few events at a time, its results in the batch's order. */
    public Flux<EventResult> receive(List<RegistryEvent> batch, Actor feed, int concurrency) {
        return Flux.fromIterable(batch).flatMapSequential(event -> receive(event, feed), concurrency, 1);
    }

    public Mono<EventResult> receive(RegistryEvent event, Actor feed) {
        if (feed.region() != null && !feed.region().covers(event.village())) {
            return Mono.just(new EventResult.OutsideRegion());
        }
        byte[] person = protector.householdKey(event.idNumber());
        return Mono.defer(() -> transactional.apply(act(event, person, feed.subject())))
                .retryWhen(ReportFiling.RETRY_ON_COLLISION)
                .doOnNext(result -> {
                    if (result instanceof EventResult.ReportFiled filed) {
                        filing.committed(filed.report());
                    }
                })
                .onErrorResume(UnknownVillageException.class, unknown -> Mono.just(new EventResult.UnknownVillage()));
    }

    private Mono<EventResult> act(RegistryEvent event, byte[] person, String feed) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return events.receive(event, UUID.randomUUID(), person, feed, at).flatMap(fresh -> {
            if (!fresh) {
                return events.earlier(event.key()).cast(EventResult.class);
            }
            return events.ruleFor(event.countyCode(), event.type(), event.occurredOn())
                    .defaultIfEmpty(EventRule.none(event.countyCode(), event.type()))
                    .flatMap(rule -> carryOut(event, person, feed, at, EventPlans.plan(event, rule)));
        });
    }

    private Mono<EventResult> carryOut(RegistryEvent event, byte[] person, String feed, Instant at, EventPlan plan) {
        if (plan instanceof EventPlan.EndEnrolments end) {
            return enrolments.deceased(person, event.occurredOn(), at)
                    .then(enrolments.apply(person, EnrolmentChange.endAll(end.reason(), event.occurredOn(), ChangeSource.REGISTRY_EVENT, feed, at)))
                    .flatMap(ended -> events.complete(event.key(), "ENROLMENTS_ENDED", null, null, ended, null)
                            .thenReturn(new EventResult.EnrolmentsEnded(ended)));
        }
        if (plan instanceof EventPlan.FileReport file) {
            return events.lockedWarning(person, event.type(), event.occurredOn())
                    .flatMap(warning -> events.merge(warning.id(), at).flatMap(count -> events
                            .complete(event.key(), "MERGED", warning.report(), warning.id(), null, null)
                            .thenReturn((EventResult) new EventResult.Merged(warning.report(), count))))
                    .switchIfEmpty(Mono.defer(() -> fileReport(event, person, feed, at, file)));
        }
        String reason = ((EventPlan.NoAction) plan).reason();
        return events.complete(event.key(), "NO_ACTION", null, null, null, reason).thenReturn(new EventResult.NoAction(reason));
    }

    private Mono<EventResult> fileReport(RegistryEvent event, byte[] person, String feed, Instant at, EventPlan.FileReport file) {
        String name = event.name() == null || event.name().isBlank() ? event.idNumber().masked() : event.name().strip();
        NewReport report = new NewReport(Channel.MONITORING, file.category(), file.description(), event.village(), file.urgent(), null,
                new Subject(name, event.idNumber(), null, HOUSEHOLD_UNKNOWN), null, List.of(), null, null, feed);
        return filing.file(report).flatMap(filed -> {
            Warning warning = new Warning(UUID.randomUUID(), person, event.type(), event.countyCode(), event.village().value(),
                    filed.id(), event.occurredOn(), event.occurredOn().plusDays(file.mergeWindowDays()), 1);
            return events.open(warning, at)
                    .then(events.complete(event.key(), "REPORT_FILED", filed.id(), warning.id(), null, null))
                    .thenReturn(new EventResult.ReportFiled(filed, file.proactive()));
        });
    }
}
