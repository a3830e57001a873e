package org.aidline.api.notification.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.aidline.notification.workorder.SendBackReason;
import org.jspecify.annotations.Nullable;

/** The bodies of a work order's hand-offs. */
public final class WorkOrderRequests {

    private WorkOrderRequests() {
    }

    /** A supervisor's chase notice, with what it asks. */
    public record ChaseBody(@Schema(example = "The household has waited three days; visit today.") @NotBlank @Size(max = 1000) @Nullable String note) {
    }

    public record ExtensionBody(
            @Schema(example = "3") @NotNull @Min(1) @Max(60) @Nullable Integer workingDays,
            @Schema(example = "The bank statement comes from the county seat on Friday.") @NotBlank @Size(max = 1000) @Nullable String reason) {
    }

    public enum Decision {
        GRANT, REFUSE
    }

    /** A supervisor's decision on an extension; a refusal says why. */
    public record ExtensionDecisionBody(@NotNull @Nullable Decision decision, @Size(max = 1000) @Nullable String reason) {
    }

    public record SendBackBody(@NotNull @Nullable SendBackReason reason, @Size(max = 1000) @Nullable String note) {
    }

    public record AssigneeBody(
            @Schema(example = "coord-640104001001", description = "A coordinator or supervisor of the task's county")
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") @Nullable String assignee) {
    }

    public record DuplicateBody(@Schema(example = "Same household as 2026-640104-000123") @Size(max = 1000) @Nullable String note) {
    }
}
