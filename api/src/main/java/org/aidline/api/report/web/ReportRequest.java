package org.aidline.api.report.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/**
 * A report as a client sends it, through the app or the hotline. Server-owned fields (id,
 * status, channel, who filed, timestamps) cannot be set: they are not here.
 */
@Schema(name = "ReportRequest")
public record ReportRequest(
        @Schema(example = "MEDICAL_EMERGENCY") @NotNull Category category,
        @Schema(example = "父亲突发脑溢血住院，急需手术费") @NotBlank @Size(max = 4000) String description,
        @Schema(example = "640104001001") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code") String villageCode,
        @Schema(example = "true") @NotNull Boolean urgent,
        @Schema(example = "3000.00", description = "Yuan, at most two decimals") @Nullable
        @DecimalMin(value = "0.01") @Digits(integer = 9, fraction = 2) BigDecimal requestedAmount,
        @NotNull @Valid SubjectRequest subject,
        @Nullable @Valid LocationRequest location,
        @Nullable @Size(max = 20) List<@NotNull @Valid AttachmentRequest> attachments,
        @Schema(description = "Hotline only: who is calling") @Null(groups = Channels.SelfReport.class, message = "is only for hotline reports")
        @NotNull(groups = Channels.Hotline.class) @Nullable @Valid CallerRequest caller,
        @Schema(description = "Hotline only: the call-centre's id of the call", example = "CALL-20261129-0042")
        @Null(groups = Channels.SelfReport.class, message = "is only for hotline reports")
        @NotBlank(groups = Channels.Hotline.class) @Nullable @Size(max = 64) String callId) {

    /** The person in hardship. */
    @Schema(name = "SubjectRequest")
    public record SubjectRequest(
            @Schema(example = "王建国") @NotBlank @Size(max = 100) String name,
            @Schema(example = "11010519491231002X", description = "18 characters, check digit verified; may be missing on the hotline")
            @NotBlank(groups = Channels.SelfReport.class) @Nullable @ValidResidentId String idNumber,
            @Schema(example = "13800000000") @Nullable @ValidPhone String phone,
            @Schema(example = "4") @NotNull @Min(1) @Max(50) Integer householdSize) {
    }

    /** Where the reporter is, WGS-84. */
    @Schema(name = "LocationRequest")
    public record LocationRequest(
            @Schema(example = "38.4872") @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @Schema(example = "106.2309") @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon) {
    }

    /** A file the client stored elsewhere: only its metadata comes here. */
    @Schema(name = "AttachmentRequest")
    public record AttachmentRequest(
            @Schema(example = "HOSPITAL_ADMISSION") @NotBlank @Size(max = 64) String type,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            @NotNull @Pattern(regexp = "[0-9a-f]{64}", message = "must be 64 lowercase hex characters") String sha256,
            @Schema(example = "204800") @NotNull @Positive @Max(104_857_600) Long size,
            @Schema(example = "https://files.example.gov.cn/a/9f86d081.jpg") @NotBlank @Size(max = 2048)
            @Pattern(regexp = "(https?|s3|oss)://\\S+", message = "must be an absolute http(s), s3 or oss URI") String uri) {
    }

    /** Who is on the phone. */
    @Schema(name = "CallerRequest")
    public record CallerRequest(
            @Schema(example = "13900000000") @NotBlank @ValidPhone String phone,
            @Schema(example = "王芳") @Nullable @Size(max = 100) String name,
            @Schema(example = "daughter") @Nullable @Size(max = 50) String relation) {
    }
}
