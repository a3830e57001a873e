package org.aidline.api.report.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.aidline.api.report.web.ReportRequest.AttachmentRequest;
import org.aidline.api.report.web.ReportRequest.CallerRequest;
import org.aidline.api.report.web.ReportRequest.LocationRequest;
import org.aidline.api.report.web.ReportRequest.SubjectRequest;
import org.aidline.intake.report.Category;
import org.jspecify.annotations.Nullable;

/**
 * A work order of the provincial 12345 platform: a hotline report's body plus the platform's
 * {@code orderNumber}, which is the idempotency key (one report per order number, ever).
 */
@Schema(name = "WorkOrderRequest")
public record WorkOrderRequest(
        @Schema(example = "NX12345-20261129-000123", description = "The platform's work-order number: its idempotency key")
        @NotNull @Pattern(regexp = ORDER_NUMBER, message = "must be 1 to 64 letters, digits, '-' or '_', starting with a letter or digit")
        String orderNumber,
        @Schema(example = "LOSS_OF_INCOME") @NotNull Category category,
        @Schema(example = "丈夫失业，家中无收入") @NotBlank @Size(max = 4000) String description,
        @Schema(example = "640104001001") @NotNull @Pattern(regexp = "\\d{12}", message = "must be a 12-digit village code") String villageCode,
        @Schema(example = "false") @NotNull Boolean urgent,
        @Schema(example = "2000.00", description = "Yuan, at most two decimals") @Nullable
        @DecimalMin(value = "0.01") @Digits(integer = 9, fraction = 2) BigDecimal requestedAmount,
        @NotNull @Valid SubjectRequest subject,
        @Nullable @Valid LocationRequest location,
        @Nullable @Size(max = 20) List<@NotNull @Valid AttachmentRequest> attachments,
        @Schema(description = "Who called the 12345 hotline") @NotNull @Valid CallerRequest caller,
        @Schema(description = "The platform's id of the call", example = "CALL-20261129-0042") @NotBlank @Size(max = 64) String callId) {

    public static final String ORDER_NUMBER = "[A-Za-z0-9][A-Za-z0-9_-]{0,63}";

    /** The report the order asks for, as the hotline files it. */
    public ReportRequest report() {
        return new ReportRequest(category, description, villageCode, urgent, requestedAmount, subject, location, attachments, caller, callId);
    }
}
