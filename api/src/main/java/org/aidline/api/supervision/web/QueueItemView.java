package org.aidline.api.supervision.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One item of a work queue, the same shape in every queue; {@code href} is where to act on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueueItemView(
        @Schema(description = "pending-reviews, overdue-documents, flagged-verifications, escalations, failed-payments, dead-letters, "
                + "ordinary-cases, filed-decisions, referrals-waiting or pending-extensions") String queue,
        @Schema(description = "The grant, coordinator task, payment instruction, notification, report, decision, referral or task "
                + "extension waiting") String id,
        String reportId,
        @Nullable String grantId,
        String villageCode,
        boolean urgent,
        @Schema(description = "Urgency within the queue, 0 first (see the queue's description)") int rank,
        @Schema(description = "Since when it waits: updated, due, flagged, acknowledgement due, refused or failed") Instant since,
        @Schema(description = "The item's state: grant status, ESCALATED/EXHAUSTED, PAYMENT/RECOVERY, PUSH/SMS; for a pending extension "
                + "its task's light (RED, YELLOW, GREEN)") String state,
        @Schema(description = "Yuan, for grants and payments", example = "3000.00") @Nullable BigDecimal amount,
        @Schema(description = "What to look at: APPROVAL_ABOVE_CAP/REVIEW, documents missing, registries that flagged, assignee, "
                + "the gateway's or provider's last answer; for a pending extension the id of its task") @Nullable String detail,
        String href) {
}
