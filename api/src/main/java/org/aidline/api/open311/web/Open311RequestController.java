package org.aidline.api.open311.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aidline.api.idempotency.IdempotentFiling;
import org.aidline.api.open311.RequestSearch;
import org.aidline.api.open311.ServiceRequests;
import org.aidline.api.problem.FieldError;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.report.web.Channels;
import org.aidline.api.report.web.IntakeMetrics;
import org.aidline.api.report.web.ReportRendering;
import org.aidline.api.report.web.ReportRequest;
import org.aidline.api.report.web.ReportWebMapper;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.Report;
import org.aidline.intake.report.ReportReference;
import org.aidline.intake.report.ReportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 service requests: citizens file through a partner's Open311 client with their own token,
 * as the app files; the filer and staff of the region read them, without anything personal.
 */
@RestController
@Tag(name = "Open311", description = "Open311 GeoReport v2 (JSON) for partners that speak it")
public class Open311RequestController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    private static final String REQUESTS = "/open311/v2/requests.json";
    private static final int MAX_IDS = 100;
    /** The spec's default span of a search without dates. */
    private static final Duration DEFAULT_SPAN = Duration.ofDays(90);
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

    private final IdempotentFiling filing;
    private final ReportWebMapper mapper;
    private final ReportRendering rendering;
    private final IntakeMetrics metrics;
    private final Validator validator;
    private final JsonMapper json;
    private final ServiceRequests requests;
    private final ServiceRequestViews views;
    private final Clock clock;

    Open311RequestController(IdempotentFiling filing, ReportWebMapper mapper, ReportRendering rendering, IntakeMetrics metrics,
            Validator validator, JsonMapper json, ServiceRequests requests, ServiceRequestViews views, Clock clock) {
        this.filing = filing;
        this.mapper = mapper;
        this.rendering = rendering;
        this.metrics = metrics;
        this.validator = validator;
        this.json = json;
        this.requests = requests;
        this.views = views;
        this.clock = clock;
    }

    @PostMapping(path = REQUESTS, consumes = FORM, produces = JSON)
    @Operation(operationId = "fileServiceRequest", summary = "File a service request: a report about yourself or your household (citizens)",
            description = "Form-encoded as the spec; a bearer token instead of api_key. The attributes are those of "
                    + "GET /open311/v2/services/{code}.json; the report is filed, validated and triaged as POST /api/v1/reports files it. "
                    + "An Idempotency-Key is recommended: a retry with the same key and form answers the first response without filing twice.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = FORM, schema = @Schema(implementation = ServiceRequestForm.class))))
    @ApiResponse(responseCode = "201", description = "Filed (or, with Idempotent-Replayed: true, filed earlier by the same request)",
            content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ServiceRequestReceipt.class))))
    Mono<ResponseEntity<String>> fileServiceRequest(
            @AuthenticationPrincipal Jwt token,
            @Parameter(description = "A unique value per request, reused on every retry of it")
            @RequestHeader(name = IdempotentFiling.HEADER, required = false) @Nullable String idempotencyKey,
            ServerWebExchange exchange) {
        Actor citizen = Actors.from(token);
        return exchange.getFormData()
                .onErrorMap(failure -> !(failure instanceof ProblemException), Open311RequestController::unreadable)
                .flatMap(form -> {
                    ReportRequest request = ServiceRequestForm.read(form);
                    Set<ConstraintViolation<ReportRequest>> violations = validator.validate(request, Channels.SelfReport.class);
                    if (!violations.isEmpty()) {
                        return Mono.error(ServiceRequestForm.invalid(violations));
                    }
                    return metrics.timed(Channel.APP, filing.file(citizen, mapper.toNewReport(request, Channel.APP, citizen.subject()),
                            idempotencyKey, rendering.canonical(REQUESTS, request), this::receipt));
                });
    }

    @GetMapping(path = REQUESTS, produces = JSON)
    @Operation(operationId = "listServiceRequests", summary = "Service requests you may see, newest first (the filer; staff of the region)",
            description = "Without service_request_id and start_date, the 90 days up to end_date (or now). Nothing personal is shown.")
    @ApiResponse(responseCode = "200", description = "The requests",
            content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ServiceRequestView.class))))
    Mono<List<ServiceRequestView>> serviceRequests(
            @AuthenticationPrincipal Jwt token,
            @Parameter(description = "Comma-separated, at most 100; overrides every other filter", example = "K7M-Q4X-PA")
            @RequestParam(name = "service_request_id", required = false) @Nullable String ids,
            @Parameter(example = "MEDICAL_EMERGENCY") @RequestParam(name = "service_code", required = false) @Nullable String serviceCode,
            @Parameter(description = "Requested at or after (ISO-8601)", example = "2026-11-01T00:00:00+08:00")
            @RequestParam(name = "start_date", required = false) @Nullable Instant startDate,
            @Parameter(description = "Requested at or before (ISO-8601)", example = "2026-11-30T00:00:00+08:00")
            @RequestParam(name = "end_date", required = false) @Nullable Instant endDate,
            @Parameter(description = "open, closed, or both comma-separated", example = "open")
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "1") @Min(1) @Max(100) int page,
            @RequestParam(name = "page_size", defaultValue = "50") @Min(1) @Max(100) int pageSize) {
        Actor reader = Actors.from(token);
        RequestSearch search;
        if (ids != null) {
            List<ReportReference> references = references(ids);
            if (references.isEmpty()) {
                return Mono.just(List.of());
            }
            search = new RequestSearch(references, null, null, null, Set.of(), 0, MAX_IDS);
        } else {
            Instant from = startDate != null ? startDate : (endDate != null ? endDate : clock.instant()).minus(DEFAULT_SPAN);
            search = new RequestSearch(List.of(), category(serviceCode), from.isBefore(EARLIEST) ? null : from, endDate,
                    statuses(status), (page - 1) * pageSize, pageSize);
        }
        return requests.search(search, reader).concatMap(views::of).collectList();
    }

    @GetMapping(path = "/open311/v2/requests/{id}.json", produces = JSON)
    @Operation(operationId = "getServiceRequest", summary = "One service request, in an array as the spec answers (the filer; staff of the region)",
            description = "Anyone else, and an unknown id, get 404. Nothing personal is shown.")
    @ApiResponse(responseCode = "200", description = "The request",
            content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = ServiceRequestView.class))))
    Mono<List<ServiceRequestView>> serviceRequest(@AuthenticationPrincipal Jwt token,
            @Parameter(description = "The service_request_id: the report's reference", example = "K7M-Q4X-PA") @PathVariable String id) {
        ReportReference reference;
        try {
            reference = new ReportReference(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(notFound());
        }
        return requests.find(reference, Actors.from(token))
                .flatMap(views::of)
                .map(List::of)
                .switchIfEmpty(Mono.error(Open311RequestController::notFound));
    }

    private String receipt(Report filed) {
        return json.writeValueAsString(List.of(new ServiceRequestReceipt(filed.reference().value(), RequestStatuses.notes(filed.status()),
                filed.filedBy())));
    }

    /** Ids that are no reference cannot name a report: left out, not refused, as an unknown one is. */
    private static List<ReportReference> references(String ids) {
        String[] parts = ids.split(",", MAX_IDS + 2);
        if (parts.length > MAX_IDS) {
            throw badParameter("service_request_id", "at most " + MAX_IDS + " ids");
        }
        List<ReportReference> references = new ArrayList<>();
        for (String part : parts) {
            try {
                references.add(new ReportReference(part.strip()));
            } catch (IllegalArgumentException e) {
                // Cannot exist.
            }
        }
        return references;
    }

    private static @Nullable Category category(@Nullable String serviceCode) {
        if (serviceCode == null) {
            return null;
        }
        return Services.category(serviceCode)
                .orElseThrow(() -> badParameter("service_code", "is not a service code of GET /open311/v2/services.json"));
    }

    private static Set<ReportStatus> statuses(@Nullable String status) {
        Set<ReportStatus> statuses = EnumSet.noneOf(ReportStatus.class);
        if (status == null) {
            return statuses;
        }
        for (String part : status.split(",", 4)) {
            String value = part.strip();
            if (!value.equals(RequestStatuses.OPEN) && !value.equals(RequestStatuses.CLOSED)) {
                throw badParameter("status", "must be open, closed, or both comma-separated");
            }
            statuses.addAll(RequestStatuses.standingFor(value));
        }
        return statuses;
    }

    private static ProblemException badParameter(String name, String message) {
        return new ProblemException(ProblemType.BAD_PARAMETER, "The parameter " + name + " " + message + ".",
                Map.of("errors", List.of(new FieldError(name, message))));
    }

    private static ProblemException unreadable(Throwable failure) {
        if (failure instanceof DataBufferLimitException) {
            return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The form is larger than this service accepts.");
        }
        return new ProblemException(ProblemType.MALFORMED_BODY, "The request body is not a valid application/x-www-form-urlencoded form.");
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "No service request with this id, or you may not see it.");
    }
}
