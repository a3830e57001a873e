package org.aidline.api.supervision.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.policy.OutsideJurisdictionException;
import org.aidline.supervision.CountyPeriod;
import org.aidline.supervision.Disclosure;
import org.aidline.supervision.ExportRows.GrantRow;
import org.aidline.supervision.ExportRows.ReportRow;
import org.aidline.supervision.Exports;
import org.aidline.supervision.Oversight;
import org.aidline.supervision.Oversight.Export;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * Ledger, grants and reports of a county and period as CSV for evaluators, streamed: rows are
 * turned into bytes as PostgreSQL hands them over and the client takes them, a batch at a time.
 * Supervisors see personal data masked; an auditor sees it whole, and that read is audited.
 */
@RestController
@Tag(name = "Supervision", description = "Work queues, statistics and exports of a region")
public class ExportController {

    private static final String CSV = "text/csv;charset=UTF-8";
    /** Lines per chunk written to the socket: few enough to keep memory flat, enough to not write row by row. */
    private static final int LINES_PER_CHUNK = 256;

    private final Oversight oversight;

    ExportController(Oversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping(path = "/api/v1/exports/ledger.csv", produces = CSV)
    @Operation(operationId = "exportLedger", summary = "The ledger entries of a county (or your region) booked in [from, to), as CSV (supervisors, auditors)",
            description = "UTF-8 with a byte order mark; amounts in signed yuan; in the order they were written. Holds no personal data.")
    @ApiResponse(responseCode = "200", description = "The CSV, streamed", content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    ResponseEntity<Flux<DataBuffer>> ledger(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to) {
        return csv("ledger.csv", token, county, from, to, exports -> exports::ledger, false,
                Csv.header("id", "at", "county", "grant_id", "kind", "amount_yuan", "actor", "reference"),
                (row, disclosure) -> new Csv().cell(row.id()).time(row.at()).cell(row.countyCode()).cell(row.grantId()).cell(row.kind())
                        .yuan(row.amountFen()).text(row.actor()).text(row.reference()).end());
    }

    @GetMapping(path = "/api/v1/exports/grants.csv", produces = CSV)
    @Operation(operationId = "exportGrants", summary = "The grants of a county (or your region) made in [from, to), as CSV (supervisors, auditors)",
            description = "UTF-8 with a byte order mark; the subject's name, ID number and phone masked, whole for an auditor (audited).")
    @ApiResponse(responseCode = "200", description = "The CSV, streamed", content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    ResponseEntity<Flux<DataBuffer>> grants(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to) {
        return csv("grants.csv", token, county, from, to, exports -> exports::grants, true,
                Csv.header("grant_id", "report_reference", "county", "village", "status", "amount_yuan", "awaiting_approval_yuan",
                        "documents_due_at", "verification_status", "created_at", "subject_name", "subject_id_number", "subject_phone"),
                (GrantRow row, Disclosure shown) -> new Csv().cell(row.grantId()).text(row.reportReference()).cell(row.countyCode())
                        .cell(row.villageCode()).cell(row.status()).yuan(row.amountFen()).yuan(row.awaitingApprovalFen())
                        .time(row.documentsDueAt()).cell(row.verificationStatus()).time(row.createdAt())
                        .text(shown.name(row.subject().name())).text(shown.idNumber(row.subject())).text(shown.phone(row.subject().phone()))
                        .end());
    }

    @GetMapping(path = "/api/v1/exports/reports.csv", produces = CSV)
    @Operation(operationId = "exportReports", summary = "The reports of a county (or your region) filed in [from, to), as CSV (supervisors, auditors)",
            description = "UTF-8 with a byte order mark; names, ID numbers and phones of subject and caller masked, whole for an auditor (audited).")
    @ApiResponse(responseCode = "200", description = "The CSV, streamed", content = @Content(mediaType = CSV, schema = @Schema(type = "string")))
    ResponseEntity<Flux<DataBuffer>> reports(@AuthenticationPrincipal Jwt token,
            @Parameter(example = "640104") @RequestParam(required = false) @Nullable @Pattern(regexp = "\\d{6}", message = "must be a 6-digit county code") String county,
            @Parameter(example = "2026-11-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant from,
            @Parameter(example = "2026-12-01T00:00:00Z") @RequestParam(required = false) @Nullable Instant to) {
        return csv("reports.csv", token, county, from, to, exports -> exports::reports, true,
                Csv.header("report_id", "reference", "created_at", "channel", "category", "status", "triage_decision", "village", "county",
                        "urgent", "requested_amount_yuan", "household_size", "subject_name", "subject_id_number", "subject_phone",
                        "caller_name", "caller_phone", "description"),
                (ReportRow row, Disclosure shown) -> new Csv().cell(row.id()).text(row.reference()).time(row.createdAt()).cell(row.channel())
                        .cell(row.category()).cell(row.status()).cell(row.triageDecision()).cell(row.villageCode()).cell(row.countyCode())
                        .cell(row.urgent()).yuan(row.requestedAmountFen()).cell(row.householdSize())
                        .text(shown.name(row.subject().name())).text(shown.idNumber(row.subject())).text(shown.phone(row.subject().phone()))
                        .text(shown.name(row.callerName())).text(shown.phone(row.callerPhone())).text(row.description())
                        .end());
    }

    /** Formats a row as one CSV line, showing personal data as the disclosure allows. */
    interface Line<T> {
        String of(T row, Disclosure disclosure);
    }

    private <T> ResponseEntity<Flux<DataBuffer>> csv(String name, Jwt token, @Nullable String county, @Nullable Instant from,
            @Nullable Instant to, Function<Exports, Function<CountyPeriod, Flux<T>>> rows, boolean personalData, String header, Line<T> line) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "from must be before to.");
        }
        Export<T> export;
        try {
            export = oversight.export(Actors.from(token), name, county, from, to, rows, personalData);
        } catch (OutsideJurisdictionException outside) {
            throw WorkQueueController.outside(outside);
        }
        Disclosure disclosure = export.disclosure();
        Flux<DataBuffer> body = export.recorded().thenMany(Flux.concat(
                Flux.just(bytes(Csv.BOM + header)),
                export.rows().map(row -> line.of(row, disclosure)).buffer(LINES_PER_CHUNK).map(ExportController::chunk)));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static DataBuffer chunk(List<String> lines) {
        StringBuilder text = new StringBuilder(lines.size() * 160);
        lines.forEach(text::append);
        return bytes(text.toString());
    }

    private static DataBuffer bytes(String text) {
        return DefaultDataBufferFactory.sharedInstance.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
