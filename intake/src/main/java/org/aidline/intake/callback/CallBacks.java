package org.aidline.intake.callback;

import java.util.List;
import org.aidline.intake.events.CallBackRecorded;
import org.aidline.intake.events.ReportStatusChanged;
import org.aidline.intake.region.RegionScope;
import org.aidline.intake.report.ReportId;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Where call-back items are kept. Items are made by the statement that closes a report (see the case files). */
public interface CallBacks {

    /** The report's item waiting for a call, if any, with the report's version as read with it. */
    Mono<CallBack> waitingOf(ReportId report);

    /** The waiting items of the villages in {@code region}, oldest closing first. */
    Flux<CallBack> waiting(RegionScope region, @Nullable CallBackCursor after, int limit);

    /** Every item of the report, first closing first, with its tries. */
    Flux<CallBackRecord> history(ReportId report);

    /**
     * Records the try on the item as read, the item's new status and, in the same transaction, the
     * events: {@code recorded} always, {@code reopened} (CLOSED -> REOPENED) when the answer reopens
     * the report, which then moves too. False when the item or the report changed since they were read.
     */
    Mono<Boolean> record(CallBack item, CallBackTry attempt, CallBackStatus after, CallBackRecorded recorded,
            @Nullable ReportStatusChanged reopened);

    /** An item with the tries made of it, oldest first. */
    record CallBackRecord(CallBack item, List<CallBackTry> tries) {

        public CallBackRecord {
            tries = List.copyOf(tries);
        }
    }
}
