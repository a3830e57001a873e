package org.aidline.api.monitoring.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.aidline.api.report.web.ValidResidentId;
import org.aidline.intake.monitoring.FlagKey;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/**
 * One suspicious-data flag as the monitoring platform sends it: an element of the JSON array, or
 * a CSV line under a header naming these fields.
 */
@Schema(name = "MonitoringFlagRequest")
public record FlagRequest(
        @Schema(example = "NX-DC-2025-0000123", description = "The platform's id of the flag, unique within the source")
        @NotBlank @Size(max = FlagKey.MAX_FLAG_ID_LENGTH) String flagId,
        @Schema(example = "640104001001") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code") String villageCode,
        @Schema(example = "BASIC_LIVING") @NotNull Category category,
        @Schema(example = "马建国") @NotBlank @Size(max = 100) String subjectName,
        @Schema(example = "11010519491231002X", description = "Optional; 18 characters, check digit verified")
        @Nullable @ValidResidentId String idNumber,
        @Schema(example = "4") @NotNull @Min(1) @Max(50) Integer householdSize,
        @Schema(example = "享受低保期间名下登记机动车辆 (vehicle registered while receiving the minimum-living allowance)",
                description = "What looked suspicious; becomes the report's description")
        @NotBlank @Size(max = 4000) String reason,
        @Schema(example = "2025-03-01T08:00:00Z", description = "Optional; when the platform detected it, ISO-8601 with offset")
        @Nullable Instant detectedAt) {

    /** The field names, which are also the CSV column names. */
    public static final List<String> FIELDS = List.of(
            "flagId", "villageCode", "category", "subjectName", "idNumber", "householdSize", "reason", "detectedAt");

    /** The columns a CSV header must name. */
    public static final List<String> REQUIRED = List.of(
            "flagId", "villageCode", "category", "subjectName", "householdSize", "reason");
}
