package org.aidline.api.callback.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.aidline.intake.callback.CallBack;
import org.aidline.intake.callback.CallBackPage;
import org.aidline.intake.callback.CallBackStatus;
import org.aidline.intake.callback.CallBackTry;
import org.aidline.intake.callback.CallBacks.CallBackRecord;
import org.aidline.intake.callback.Satisfaction;
import org.jspecify.annotations.Nullable;

/** What the call-back endpoints answer. */
public final class CallBackViews {

    private CallBackViews() {
    }

    /** A call-back item: owed after one closing of a report, until answered or tried as often as the policy allows. */
    public record CallBackView(
            String id,
            String reportId,
            @Schema(example = "2026-640104-000123") String reportReference,
            @Schema(description = "1 for the report's first closing, 2 after an unsatisfied answer reopened it, ...") int closure,
            String villageCode,
            CallBackStatus status,
            int tries,
            int maxTries,
            @Nullable Satisfaction satisfaction,
            Instant createdAt,
            @Nullable Instant lastTriedAt,
            @Nullable Instant doneAt,
            @Schema(description = "Where to record the next call (and read the report)", example = "/api/v1/reports/9b2e.../call-back")
            String href) {

        static CallBackView of(CallBack item) {
            return new CallBackView(item.id().toString(), item.reportId().value().toString(), item.reportReference(), item.closure(),
                    item.villageCode(), item.status(), item.tries(), item.maxTries(), item.satisfaction(), item.createdAt(),
                    item.lastTriedAt(), item.doneAt(), "/api/v1/reports/" + item.reportId().value() + "/call-back");
        }
    }

    public record CallBackList(List<CallBackView> items, @Nullable String next) {

        static CallBackList of(CallBackPage page) {
            return new CallBackList(page.items().stream().map(CallBackView::of).toList(), page.next() == null ? null : page.next().encode());
        }
    }

    public record CallBackTryView(int attempt, boolean reached, @Nullable Satisfaction satisfaction, @Nullable String note, String triedBy,
            Instant triedAt) {

        static CallBackTryView of(CallBackTry made) {
            return new CallBackTryView(made.attempt(), made.reached(), made.satisfaction(), made.note(), made.triedBy(), made.triedAt());
        }
    }

    /** An item with every call made of it. */
    public record CallBackRecordView(CallBackView callBack, List<CallBackTryView> tries) {

        static CallBackRecordView of(CallBackRecord record) {
            return new CallBackRecordView(CallBackView.of(record.item()), record.tries().stream().map(CallBackTryView::of).toList());
        }
    }

    /** A report's call-backs, first closing first. */
    public record ReportCallBacks(String reportId, List<CallBackRecordView> callBacks) {
    }
}
