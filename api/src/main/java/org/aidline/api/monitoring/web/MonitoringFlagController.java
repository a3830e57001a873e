package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.aidline.api.security.Actors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The monitoring platform's suspicious-data flags, in bulk: each good row files a report for the village coordinator. */
@RestController
@Tag(name = "Monitoring", description = "Suspicious-data flags from the provincial monitoring platform")
public class MonitoringFlagController {

    static final String CSV = "text/csv";
    private static final String CSV_EXAMPLE = """
            flagId,villageCode,category,subjectName,idNumber,householdSize,reason,detectedAt
            NX-DC-2025-0000123,640104001001,BASIC_LIVING,马建国,11010519491231002X,4,"享受低保期间名下登记机动车辆,宁A·12345",2025-03-01T08:00:00Z
            """;

    private final JsonFlagReader json;
    private final CsvFlagReader csv;
    private final FlagUpload upload;
    private final MonitoringProperties properties;

    MonitoringFlagController(JsonFlagReader json, CsvFlagReader csv, FlagUpload upload, MonitoringProperties properties) {
        this.json = json;
        this.csv = csv;
        this.upload = upload;
        this.properties = properties;
    }

    @PostMapping(path = "/api/v1/monitoring/flags", consumes = {MediaType.APPLICATION_JSON_VALUE, CSV},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "uploadMonitoringFlags", summary = "Send suspicious-data flags in bulk (supervisors for villages of their region; the platform's MONITOR client)",
            description = "The body is streamed, so it may hold many thousands of flags. Each row is validated on its own: "
                    + "good rows file a report (channel MONITORING, not urgent, triaged like any report) for the village coordinator; "
                    + "bad rows are listed with their number and reasons and file nothing. A flag already received (same source "
                    + "and flagId) is counted, never filed twice, so an upload can safely be repeated. A JSON element that is not an "
                    + "object is a bad row; where the JSON array itself breaks, that row is bad and the rest is not read. CSV: one "
                    + "flag per line under a header naming the fields, UTF-8 unless the content type names a charset; quoted fields "
                    + "may hold commas but not line breaks; columns not listed are ignored.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            array = @ArraySchema(schema = @Schema(implementation = FlagRequest.class))),
                    @Content(mediaType = CSV, schema = @Schema(type = "string", description = "A header line, then one flag per line"),
                            examples = @ExampleObject(name = "flags", value = CSV_EXAMPLE))}))
    @ApiResponse(responseCode = "200", description = "Read to the end (or to where a JSON array broke): what became of each row. "
            + "Uploads take turns on an instance (one at a time by default; the next wait with their bodies unread). With "
            + "Accept: application/x-ndjson the answer streams instead: a WAITING line at once, a RUNNING line with the counts "
            + "after each batch of rows, then a COMPLETED line with the summary.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FlagUploadSummary.class)),
                    @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(implementation = FlagUploadProgress.class))})
    Mono<FlagUploadSummary> upload(@AuthenticationPrincipal Jwt token, ServerHttpRequest request,
            @Parameter(description = "The platform that assigned the flag ids; a flag id is unique within it. Default: province")
            @RequestParam(required = false) @Nullable @Pattern(regexp = MonitoringProperties.SOURCE_FORMAT) String source) {
        return upload.receive(rows(request), source == null ? properties.defaultSource() : source, Actors.from(token));
    }

    /** The same upload, its progress streamed as it goes (documented with the operation above). */
    @PostMapping(path = "/api/v1/monitoring/flags", consumes = {MediaType.APPLICATION_JSON_VALUE, CSV},
            produces = MediaType.APPLICATION_NDJSON_VALUE)
    @Operation(hidden = true)
    Flux<FlagUploadProgress> uploadWithProgress(@AuthenticationPrincipal Jwt token, ServerHttpRequest request,
            @RequestParam(required = false) @Nullable @Pattern(regexp = MonitoringProperties.SOURCE_FORMAT) String source) {
        return upload.progress(rows(request), source == null ? properties.defaultSource() : source, Actors.from(token));
    }

    private Flux<RawFlag> rows(ServerHttpRequest request) {
        MediaType contentType = request.getHeaders().getContentType();
        return contentType != null && contentType.isCompatibleWith(MediaType.APPLICATION_JSON)
                ? json.read(request.getBody())
                : csv.read(request.getBody(), contentType == null ? MediaType.parseMediaType(CSV) : contentType);
    }
}
