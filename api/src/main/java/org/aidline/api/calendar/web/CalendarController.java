package org.aidline.api.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.api.edge.EntityTags;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.calendar.CalendarDay;
import org.aidline.intake.calendar.CalendarDesk;
import org.aidline.intake.calendar.InvalidCalendarException;
import org.aidline.intake.calendar.StaleCalendarException;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The working-day calendar that sign-for and handling limits are counted in. */
@RestController
@Tag(name = "Calendar", description = "Working days: the State Council's holidays and exchanged working days, per year")
public class CalendarController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final CalendarDesk desk;

    CalendarController(CalendarDesk desk) {
        this.desk = desk;
    }

    @GetMapping(path = "/api/v1/calendar/{year}", produces = JSON)
    @Operation(operationId = "getCalendar", summary = "A year's working-day calendar (staff)",
            description = "Holidays and exchanged working days in Asia/Shanghai. The ETag names the version; send it as If-Match to change it.")
    @ApiResponse(responseCode = "200", description = "The year", content = @Content(schema = @Schema(implementation = CalendarView.class)))
    Mono<ResponseEntity<CalendarView>> read(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "2026", schema = @Schema(minimum = "2000", maximum = "2099")) @PathVariable int year) {
        return desk.read(Actors.from(token), year)
                .map(found -> ResponseEntity.ok().eTag(EntityTags.of(found.version())).body(CalendarView.of(found)))
                .switchIfEmpty(Mono.error(() -> new ProblemException(ProblemType.NOT_FOUND,
                        "No calendar for this year, or you may not see it (staff read the years 2000 to 2099).")));
    }

    @PutMapping(path = "/api/v1/calendar/{year}", consumes = JSON, produces = JSON)
    @Operation(operationId = "replaceCalendar", summary = "Replace a year's calendar (province supervisors)",
            description = "The whole year at once, as the notice gives it. Deadlines already set keep their time; new ones count in this calendar.")
    @ApiResponse(responseCode = "200", description = "The new version", content = @Content(schema = @Schema(implementation = CalendarView.class)))
    @ApiResponse(responseCode = "412", description = "The calendar changed since the ETag sent: /problems/precondition-failed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "428", description = "No If-Match: /problems/precondition-required",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<ResponseEntity<CalendarView>> replace(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "2026", schema = @Schema(minimum = "2000", maximum = "2099")) @PathVariable int year,
            @Parameter(description = "The calendar's ETag as read", required = true, example = "\"0\"")
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Validated @RequestBody CalendarRequest request) {
        if (ifMatch == null) {
            return Mono.error(new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the calendar as you read it (GET /api/v1/calendar/{year})."));
        }
        Set<Integer> versions = EntityTags.versions(ifMatch);
        if (versions.size() != 1) {
            return Mono.error(new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match must name the one version of the calendar you read."));
        }
        List<CalendarDay> days = new ArrayList<>();
        for (int i = 0; i < request.days().size(); i++) {
            CalendarDayView day = request.days().get(i);
            try {
                days.add(new CalendarDay(LocalDate.parse(day.date()), day.off(), day.name()));
            } catch (DateTimeParseException e) {
                return Mono.error(ProblemException.invalid("days[" + i + "].date", "is not a date"));
            }
        }
        Actor actor = Actors.from(token);
        return Mono.defer(() -> desk.change(actor, year, days, request.published(), versions.iterator().next()))
                .map(changed -> ResponseEntity.ok().eTag(EntityTags.of(changed.version())).body(CalendarView.of(changed)))
                .onErrorMap(CalendarController::problem);
    }

    private static Throwable problem(Throwable failure) {
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.FORBIDDEN, failure.getMessage());
        }
        if (failure instanceof StaleCalendarException stale) {
            return new ProblemException(ProblemType.PRECONDITION_FAILED, "The calendar is now version " + stale.inForce()
                    + " (ETag " + EntityTags.of(stale.inForce()) + "); read it again and change it again.");
        }
        if (failure instanceof InvalidCalendarException invalid) {
            List<FieldError> errors = invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
            return new ProblemException(ProblemType.VALIDATION, "Some fields of the request are missing or invalid; see errors.",
                    Map.of("errors", errors));
        }
        return failure;
    }
}
