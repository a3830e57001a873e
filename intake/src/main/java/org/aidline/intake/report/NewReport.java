package org.aidline.intake.report;

import java.util.List;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.jspecify.annotations.Nullable;

/** A report as someone files it, before it has an identity. */
public record NewReport(
        Channel channel,
        Category category,
        String description,
        VillageCode village,
        boolean urgent,
        @Nullable Money requestedAmount,
        Subject subject,
        @Nullable Location location,
        List<Attachment> attachments,
        @Nullable Caller caller,
        @Nullable String callId,
        String filedBy) {

    public NewReport {
        attachments = List.copyOf(attachments);
    }
}
