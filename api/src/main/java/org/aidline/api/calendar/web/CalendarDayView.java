package org.aidline.api.calendar.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A day the notice names: a holiday (off) or a weekend day worked in exchange (not off). */
public record CalendarDayView(
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") @Schema(example = "2026-02-14", format = "date") @Nullable String date,
        @NotNull @Schema(description = "true: a day off; false: a weekend day worked (调休)") @Nullable Boolean off,
        @Size(min = 1, max = 40) @Schema(example = "春节") @Nullable String name) {
}
