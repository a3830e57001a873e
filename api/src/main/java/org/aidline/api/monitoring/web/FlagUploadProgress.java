package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** One line of an upload's progress ({@code application/x-ndjson}): waiting for its turn, rows so far, then the summary. */
@Schema(description = "A line of an upload's progress: WAITING for its turn, RUNNING with the counts so far (after each batch), "
        + "COMPLETED with the summary")
public record FlagUploadProgress(
        @Schema(example = "RUNNING") Status status,
        @Schema(description = "Rows read so far", example = "400") long received,
        @Schema(description = "Flags that filed a new report so far", example = "396") long accepted,
        @Schema(description = "Flags received before, so far", example = "2") long alreadyReceived,
        @Schema(description = "Bad rows so far", example = "2") long rejected,
        @Schema(description = "With COMPLETED only") @Nullable FlagUploadSummary summary) {

    public enum Status {
        WAITING, RUNNING, COMPLETED
    }

    static FlagUploadProgress waiting() {
        return new FlagUploadProgress(Status.WAITING, 0, 0, 0, 0, null);
    }

    static FlagUploadProgress running(FlagUploadSummary soFar) {
        return new FlagUploadProgress(Status.RUNNING, soFar.received(), soFar.accepted(), soFar.alreadyReceived(), soFar.rejected(), null);
    }

    static FlagUploadProgress completed(FlagUploadSummary summary) {
        return new FlagUploadProgress(Status.COMPLETED, summary.received(), summary.accepted(), summary.alreadyReceived(), summary.rejected(),
                summary);
    }
}
