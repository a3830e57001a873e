package org.aidline.intake.report;

import java.util.List;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.jspecify.annotations.Nullable;

/**
 * A report as someone files it, before it has an identity. {@code orderNumber} is the 12345
 * platform's work-order number when the report came from there: at most one report per number.
 */
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
        String filedBy,
        @Nullable String orderNumber) {

    public NewReport {
        attachments = List.copyOf(attachments);
    }

    /** A report filed by a person (an app, an operator, a monitoring flag): no platform order behind it. */
    public NewReport(Channel channel, Category category, String description, VillageCode village, boolean urgent,
            @Nullable Money requestedAmount, Subject subject, @Nullable Location location, List<Attachment> attachments,
            @Nullable Caller caller, @Nullable String callId, String filedBy) {
        this(channel, category, description, village, urgent, requestedAmount, subject, location, attachments, caller, callId, filedBy,
                null);
    }

    /** The report as the work order of the 12345 platform with this number (static: MapStruct would take a wither for a property). */
    public static NewReport workOrder(NewReport report, String number) {
        return new NewReport(report.channel, report.category, report.description, report.village, report.urgent, report.requestedAmount,
                report.subject, report.location, report.attachments, report.caller, report.callId, report.filedBy, number);
    }
}
