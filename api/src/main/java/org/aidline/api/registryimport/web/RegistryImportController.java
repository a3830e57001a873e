package org.aidline.api.registryimport.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.aidline.api.problem.ProblemException;
import org.aidline.api.problem.ProblemType;
import org.aidline.api.security.Actors;
import org.aidline.intake.access.Actor;
import org.aidline.registry.importing.ImportForbidden;
import org.aidline.registry.importing.ImportId;
import org.aidline.registry.importing.ImportIdTaken;
import org.aidline.registry.importing.Importer;
import org.aidline.registry.importing.RawRow;
import org.aidline.registry.importing.RegistryImport;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Imports of the people in assistance into the registry, and their progress. */
@RestController
@Tag(name = "Registry", description = "The beneficiary registry: the people in assistance, their enrolments and what is paid to them")
public class RegistryImportController {

    static final String IMPORTS = "/api/v1/registry/imports";
    static final String IMPORT_ID = "Import-Id";
    private static final String CSV = "text/csv";
    private static final String CSV_EXAMPLE = """
            name,idNumber,villageCode,programme,monthlyAmount,startsOn,status,reason,householdId
            马建国,11010519491231002X,640104001001,MINIMUM_LIVING,780.00,2025-01-01,ACTIVE,,HH-640104-000123
            马小花,110105201501010012,640104001001,ORPHAN_ALLOWANCE,1450.00,,,,HH-640104-000123
            """;

    private final ImportBodyReader reader;
    private final Importer importer;

    RegistryImportController(ImportBodyReader reader, Importer importer) {
        this.reader = reader;
        this.importer = importer;
    }

    @PostMapping(path = IMPORTS, consumes = {CSV, MediaType.APPLICATION_NDJSON_VALUE}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "importPeople", summary = "Import people in assistance and their enrolments (the registry feed, province-wide; supervisors, their region)",
            description = "The body is streamed and written in batches as it arrives, so it may hold hundreds of thousands of rows; "
                    + "the import can be read at its Location while it runs. One row is a person and one enrolment: the same ID number "
                    + "is the same person, the same ID number and programme the same enrolment, updated (amount, status, start, reason, "
                    + "village), never doubled; a row as the registry already has it changes nothing and adds no history. Without "
                    + "householdId a person is a household of their own; without startsOn a new enrolment starts today (Asia/Shanghai) "
                    + "and an existing one keeps its start; without status it is ACTIVE. Each row is checked on its own: refused rows "
                    + "(ID number check digit, unknown village, a village outside a supervisor's region, unknown programme, an amount "
                    + "that is not yuan with at most two decimals) are listed with their number and write nothing. CSV: a header line "
                    + "naming the columns, then one row per line; UTF-8 (with or without BOM) or GB18030 as Excel saves it, told apart "
                    + "unless the content type names a charset; quoted fields may hold commas but not line breaks; other columns are "
                    + "ignored. JSON lines (application/x-ndjson): one object per line with the same fields.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                    @Content(mediaType = CSV, schema = @Schema(type = "string", description = "A header line, then one row per line"),
                            examples = @ExampleObject(name = "people", value = CSV_EXAMPLE)),
                    @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE,
                            schema = @Schema(type = "string", description = "One JSON object per line, fields as the CSV columns"))}))
    @ApiResponse(responseCode = "201", description = "Read to the end: the import COMPLETED with its counts and first refused rows, "
            + "at its Location. With Accept: application/x-ndjson the answer streams instead: a RUNNING line at once (its id), "
            + "one after each batch, and the COMPLETED line.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ImportView.class)),
                    @Content(mediaType = MediaType.APPLICATION_NDJSON_VALUE, schema = @Schema(implementation = ImportView.class))})
    @ApiResponse(responseCode = "409", description = "The Import-Id offered is another import's")
    Mono<ResponseEntity<ImportView>> importPeople(@AuthenticationPrincipal Jwt token, ServerHttpRequest request,
            @Parameter(description = "Optional: the id the import is to have (a UUID the client makes), so that it can be read while "
                    + "it runs before this answer comes") @RequestHeader(name = IMPORT_ID, required = false) @Nullable String importId) {
        ImportId id = idOf(importId);
        return run(id, token, request).last().map(done -> ResponseEntity.created(location(id)).body(ImportView.of(done)));
    }

    /** The same upload, its progress streamed as it goes (documented with the operation above). */
    @PostMapping(path = IMPORTS, consumes = {CSV, MediaType.APPLICATION_NDJSON_VALUE}, produces = MediaType.APPLICATION_NDJSON_VALUE)
    @Operation(hidden = true)
    ResponseEntity<Flux<ImportView>> importPeopleWithProgress(@AuthenticationPrincipal Jwt token, ServerHttpRequest request,
            @RequestHeader(name = IMPORT_ID, required = false) @Nullable String importId) {
        ImportId id = idOf(importId);
        return ResponseEntity.created(location(id)).body(run(id, token, request).map(ImportView::of));
    }

    @GetMapping(path = IMPORTS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getRegistryImport", summary = "An import, while it runs and after (the registry feed; supervisors, the imports of their region)")
    @ApiResponse(responseCode = "200", description = "Its status and counts so far",
            content = @Content(schema = @Schema(implementation = ImportView.class)))
    @ApiResponse(responseCode = "404", description = "No such import, or one this caller may not see")
    Mono<ImportView> findImport(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        UUID value;
        try {
            value = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Mono.error(notFound());
        }
        return importer.find(new ImportId(value), Actors.from(token)).map(ImportView::of).switchIfEmpty(Mono.error(RegistryImportController::notFound));
    }

    private Flux<RegistryImport> run(ImportId id, Jwt token, ServerHttpRequest request) {
        Actor actor = Actors.from(token);
        MediaType contentType = request.getHeaders().getContentType();
        Flux<RawRow> rows = reader.read(request.getBody(), contentType == null ? ImportBodyReader.CSV : contentType);
        return importer.run(id, rows, actor)
                .onErrorMap(ImportIdTaken.class, taken -> new ProblemException(ProblemType.STATE_CONFLICT, taken.getMessage()))
                .onErrorMap(ImportForbidden.class, forbidden -> new ProblemException(ProblemType.FORBIDDEN, forbidden.getMessage()));
    }

    private static ImportId idOf(@Nullable String offered) {
        if (offered == null) {
            return ImportId.next();
        }
        try {
            return new ImportId(UUID.fromString(offered.strip()));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(ProblemType.BAD_PARAMETER, "The Import-Id header must be a UUID.");
        }
    }

    private static URI location(ImportId id) {
        return URI.create(IMPORTS + "/" + id);
    }

    private static ProblemException notFound() {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no such import.");
    }
}
