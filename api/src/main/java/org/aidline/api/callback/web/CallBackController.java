package org.aidline.api.callback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.callback.CallBackChangedException;
import org.aidline.intake.callback.CallBackCursor;
import org.aidline.intake.callback.CallBackDesk;
import org.aidline.intake.callback.CallBackReportNotFoundException;
import org.aidline.intake.callback.CallBacks.CallBackRecord;
import org.aidline.intake.callback.InvalidCallBackException;
import org.aidline.intake.callback.NoCallBackWaitingException;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The call-back (回访) after a report closes: the operators' queue, and each call recorded. */
@RestController
@Tag(name = "Call-backs", description = "Calling back the person of a closed report: reached or not, satisfied or not")
public class CallBackController {

    private static final String JSON = "application/json";
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private final CallBackDesk desk;

    CallBackController(CallBackDesk desk) {
        this.desk = desk;
    }

    @GetMapping(path = "/api/v1/call-backs", produces = JSON)
    @Operation(operationId = "listCallBacks", summary = "The call-backs waiting in your region, oldest closing first (operators; supervisors and auditors read along)",
            description = "One item per closing of a report with a phone number to call, until the person is reached or the policy's "
                    + "tries (3 by default) are used up.")
    @ApiResponse(responseCode = "403", description = "Not staff of a region that calls back: /problems/forbidden",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<CallBackViews.CallBackList> queue(@AuthenticationPrincipal Jwt token,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        CallBackCursor after;
        try {
            after = cursor == null ? null : CallBackCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            return Mono.error(ProblemException.invalid("cursor", "is not a cursor of this list"));
        }
        return desk.queue(Actors.from(token), after, limit).map(CallBackViews.CallBackList::of).onErrorMap(CallBackController::problem);
    }

    @GetMapping(path = "/api/v1/reports/{id}/call-backs", produces = JSON)
    @Operation(operationId = "listReportCallBacks", summary = "A report's call-backs and every call made (whoever may see the report)")
    Mono<CallBackViews.ReportCallBacks> history(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        ReportId report = parse(id);
        return desk.history(Actors.from(token), report)
                .map(records -> answer(report, records))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("report")));
    }

    @PostMapping(path = "/api/v1/reports/{id}/call-back", consumes = JSON, produces = JSON)
    @Operation(operationId = "recordCallBack", summary = "Record one call back to the person of a closed report (operators of its region)",
            description = "Not reached: one try of the policy's number; the last one closes the item UNREACHED. Reached: the item is "
                    + "ANSWERED with the person's satisfaction; UNSATISFIED (with a note) reopens the report (REOPENED) and its "
                    + "village gets a new coordinator task, after which it closes and is called back again. The 12345 platform "
                    + "hears of each call (CALL_BACK) when the report is one of its work orders.")
    @ApiResponse(responseCode = "403", description = "Not an operator of the report's region: /problems/forbidden",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    @ApiResponse(responseCode = "409", description = "No call-back waiting (not closed, answered, or tried as often as allowed): "
            + "/problems/state-conflict; recorded by someone else meanwhile: /problems/concurrent-change",
            content = @Content(mediaType = PROBLEM, schema = @Schema(ref = PROBLEM_SCHEMA)))
    Mono<CallBackViews.ReportCallBacks> record(@AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Validated @RequestBody CallBackRequest request) {
        ReportId report = parse(id);
        return desk.record(Actors.from(token), report, request.answer())
                .map(records -> answer(report, records))
                .onErrorMap(CallBackController::problem);
    }

    private static CallBackViews.ReportCallBacks answer(ReportId report, List<CallBackRecord> records) {
        return new CallBackViews.ReportCallBacks(report.value().toString(), records.stream().map(CallBackViews.CallBackRecordView::of).toList());
    }

    private static ReportId parse(String id) {
        try {
            return ReportId.parse(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("report");
        }
    }

    private static Throwable problem(Throwable failure) {
        if (failure instanceof OutsideJurisdictionException) {
            return new ProblemException(ProblemType.FORBIDDEN, failure.getMessage());
        }
        if (failure instanceof CallBackReportNotFoundException) {
            return ProblemException.notFound("report");
        }
        if (failure instanceof NoCallBackWaitingException) {
            return new ProblemException(ProblemType.STATE_CONFLICT, failure.getMessage());
        }
        if (failure instanceof CallBackChangedException) {
            return new ProblemException(ProblemType.CONCURRENT_CHANGE, failure.getMessage());
        }
        if (failure instanceof InvalidCallBackException invalid) {
            List<FieldError> errors = invalid.violations().stream().map(v -> new FieldError(v.field(), v.message())).toList();
            return new ProblemException(ProblemType.VALIDATION, "Some fields of the request are missing or invalid; see errors.",
                    Map.of("errors", errors));
        }
        return failure;
    }
}
