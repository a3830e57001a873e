package org.aidline.api.calendar.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The whole year as the notice gives it: what is not listed is an ordinary weekday or weekend day. */
public record CalendarRequest(
        @NotNull @Schema(description = "Whether this is the published notice (false: a provisional calendar)") @Nullable Boolean published,
        @NotNull @Size(max = 366) @ArraySchema(maxItems = 366) @Nullable List<@Valid @NotNull CalendarDayView> days) {
}
