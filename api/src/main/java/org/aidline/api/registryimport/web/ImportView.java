package org.aidline.api.registryimport.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.aidline.registry.importing.ImportStatus;
import org.aidline.registry.importing.RegistryImport;
import org.jspecify.annotations.Nullable;

/** An import as it stands: the answer to the upload (and each line of its progress) and to reading it. */
@Schema(name = "RegistryImport")
public record ImportView(
        @Schema(example = "01964f5e-6a3b-7c2d-9e8f-0a1b2c3d4e5f") UUID id,
        @Schema(example = "COMPLETED", description = "RUNNING while rows arrive; COMPLETED at the end of the body; FAILED if it stopped "
                + "(what was written before stays)") ImportStatus status,
        @Schema(example = "640104", description = "The region of the supervisor who sent it; absent for the province-wide feed")
        @Nullable String region,
        @Schema(example = "sup-640104") String startedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Schema(description = "Rows read so far, accepted or refused", example = "400000") long read,
        @Schema(description = "Rows written: the person and enrolment are now as sent", example = "399990") long accepted,
        @Schema(description = "Rows refused (see errors)", example = "10") long refused,
        @Schema(description = "Of the accepted: enrolments made", example = "399000") long enrolled,
        @Schema(description = "Of the accepted: existing enrolments whose amount, status, start, reason or village changed", example = "900")
        long changed,
        @Schema(description = "Of the accepted: already as sent, nothing changed", example = "90") long unchanged,
        @Schema(description = "The first reasons rows were refused, in row order") List<RowErrorView> errors,
        @Schema(description = "Reasons beyond those listed", example = "0") long errorsOmitted,
        @Schema(description = "Why a FAILED import stopped") @Nullable String failure) {

    static ImportView of(RegistryImport found) {
        return new ImportView(found.id().value(), found.status(), found.regionCode(), found.startedBy(), found.startedAt(),
                found.finishedAt(), found.read(), found.accepted(), found.refused(), found.enrolled(), found.changed(), found.unchanged(),
                found.errors().stream().map(error -> new RowErrorView(error.row(), error.field(), error.message())).toList(),
                found.errorsOmitted(), found.failure());
    }

    /** A reason a row was refused: its 1-based number (data rows, not counting a CSV header), the field and the message. */
    @Schema(name = "RegistryImportRowError")
    public record RowErrorView(@Schema(example = "42") long row, @Schema(example = "idNumber") String field,
            @Schema(example = "The check digit of the resident ID number is wrong") String message) {
    }
}
