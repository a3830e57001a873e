package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.aidline.api.problem.FieldError;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.Report;
import org.aidline.registry.monitoring.EventResult;
import org.aidline.registry.monitoring.RegistryEventDesk;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The departments' registry events, in bulk: each acts once under its county's rules. */
@RestController
@Tag(name = "Registry", description = "The beneficiary registry: the people in assistance, their enrolments and what is paid to them")
public class RegistryEventController {

    private final RegistryEventReader reader;
    private final RegistryEventDesk desk;
    private final RegistryEventsProperties properties;

    RegistryEventController(RegistryEventReader reader, RegistryEventDesk desk, RegistryEventsProperties properties) {
        this.reader = reader;
        this.desk = desk;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/registry/events", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "receiveRegistryEvents", summary = "Send departments' registry events in bulk (the REGISTRY_FEED machine client)",
            description = "A JSON array, read element by element; its first aidline.registry.events.max-batch events (500 by default) "
                    + "act, any after them are REFUSED (send them again in another request). Each is checked on its own and acts in a transaction of its own under the rule of its village's county in force on its day (else the "
                    + "province's): CARER_LOST and DISABILITY_CERTIFIED file a MONITORING report for the village coordinator to visit; "
                    + "DEATH ends every ACTIVE or SUSPENDED enrolment of the person (kept in the enrolment's history); MEDICAL_BILL at or "
                    + "above the county's threshold files a report that is fast-tracked, granting temporary aid with no application "
                    + "(免申即享), where the county's rule is proactive, and is only reviewed where it is not. A warning for the same "
                    + "person and cause within the rule's window joins the first one's report (MERGED, counted) instead of filing "
                    + "another. The same source and eventId act once: sent again they answer ALREADY_RECEIVED. A feed token with a "
                    + "region may send events of its villages only.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = RegistryEventRequest.class)))))
    @ApiResponse(responseCode = "200", description = "What became of each event, in the order sent",
            content = @Content(schema = @Schema(implementation = RegistryEventsResponse.class)))
    Mono<RegistryEventsResponse> receive(@AuthenticationPrincipal Jwt token, ServerHttpRequest request) {
        Actor feed = Actors.from(token);
        AtomicInteger count = new AtomicInteger();
        return reader.read(request.getBody())
                .map(element -> new Indexed(count.getAndIncrement(), element))
                .flatMapSequential(indexed -> {
                    int index = indexed.index();
                    RegistryEventRequest event = indexed.element().request();
                    String eventId = event.eventId();
                    if (index >= properties.maxBatch()) {
                        return Mono.just(refused(index, eventId, List.of(new FieldError("", "past the " + properties.maxBatch()
                                + " events of one request: send it again in another"))));
                    }
                    if (!indexed.element().errors().isEmpty()) {
                        return Mono.just(refused(index, eventId, indexed.element().errors()));
                    }
                    RegistryEventParser.Parsed parsed = RegistryEventParser.parse(event);
                    if (parsed.event() == null) {
                        return Mono.just(refused(index, eventId, parsed.errors()));
                    }
                    return desk.receive(parsed.event(), feed).map(result -> view(index, eventId, result));
                }, properties.concurrency(), 1)
                .collectList()
                .map(RegistryEventsResponse::of);
    }

    private record Indexed(int index, RegistryEventReader.Element element) {
    }

    private static RegistryEventResult refused(int index, String eventId, List<FieldError> errors) {
        return new RegistryEventResult(index, eventId, "REFUSED", null, null, null, null, null, null, null, null, null, errors);
    }

    static RegistryEventResult view(int index, String eventId, EventResult result) {
        if (result instanceof EventResult.ReportFiled filed) {
            Report report = filed.report();
            return new RegistryEventResult(index, eventId, "REPORT_FILED", report.id().toString(), report.reference().value(),
                    report.triage() == null ? null : report.triage().decision().name(), filed.proactive(),
                    report.grant() == null ? null : report.grant().id().toString(),
                    report.grant() == null ? null : report.grant().amount().fen(), null, null, null, null);
        }
        if (result instanceof EventResult.Merged merged) {
            return new RegistryEventResult(index, eventId, "MERGED", merged.report().toString(), null, null, null, null, null,
                    merged.events(), null, null, null);
        }
        if (result instanceof EventResult.EnrolmentsEnded ended) {
            return new RegistryEventResult(index, eventId, "ENROLMENTS_ENDED", null, null, null, null, null, null, null, ended.enrolments(),
                    null, null);
        }
        if (result instanceof EventResult.NoAction none) {
            return new RegistryEventResult(index, eventId, "NO_ACTION", null, null, null, null, null, null, null, null, none.reason(), null);
        }
        if (result instanceof EventResult.AlreadyReceived again) {
            return new RegistryEventResult(index, eventId, "ALREADY_RECEIVED", again.report() == null ? null : again.report().toString(),
                    null, null, null, null, null, null, null, again.outcome(), null);
        }
        if (result instanceof EventResult.OutsideRegion) {
            return refused(index, eventId, List.of(new FieldError("villageCode", "outside the region of the feed's token")));
        }
        return refused(index, eventId, List.of(new FieldError("villageCode", "no village has this code")));
    }
}
