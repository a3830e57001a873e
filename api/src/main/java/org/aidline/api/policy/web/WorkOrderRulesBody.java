package org.aidline.api.policy.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/** The work orders' clocks of a policy version, in working days of the national calendar (GET /api/v1/calendar/{year}). */
@Schema(name = "WorkOrderRules")
public record WorkOrderRulesBody(
        @Schema(example = "1", description = "A non-urgent task is signed for within this many working days (urgent: urgentAcknowledgement, clock time)")
        @NotNull @Min(1) @Max(60) @Nullable Integer signForWorkingDays,
        @Schema(example = "5", description = "A task is handled within this many working days of filing") @NotNull @Min(1) @Max(60)
        @Nullable Integer handlingWorkingDays,
        @Schema(example = "{\"BASIC_LIVING\": 22}", description = "Categories with a handling limit of their own")
        @NotNull @Size(max = 10) @Nullable Map<@NotNull Category, @NotNull @Min(1) @Max(60) Integer> handlingWorkingDaysByCategory,
        @Schema(example = "75", description = "A limit turns YELLOW once this share of its working time is used") @NotNull @Min(1) @Max(99)
        @Nullable Integer yellowPercent,
        @Schema(example = "2") @NotNull @Min(0) @Max(10) @Nullable Integer maxExtensions,
        @Schema(example = "10", description = "Working days all extensions of a task may add") @NotNull @Min(0) @Max(60)
        @Nullable Integer maxExtensionWorkingDays,
        @Schema(example = "2", description = "A task may be sent back within this many working days of receiving it") @NotNull @Min(0) @Max(60)
        @Nullable Integer sendBackWorkingDays,
        @Schema(example = "3", description = "Call-back tries before the item is closed unreached") @NotNull @Min(1) @Max(10)
        @Nullable Integer callBackTries) {
}
