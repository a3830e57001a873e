package org.aidline.intake.callback;

import java.time.Instant;
import java.util.UUID;
import org.aidline.intake.report.ReportCursor;

/** Where a page of the call-back queue, oldest first, ends: opaque to clients (the same encoding as a report list's). */
public record CallBackCursor(Instant createdAt, UUID id) {

    public static CallBackCursor after(CallBack item) {
        return new CallBackCursor(item.createdAt(), item.id());
    }

    public static CallBackCursor decode(String token) {
        ReportCursor decoded = ReportCursor.decode(token);
        return new CallBackCursor(decoded.createdAt(), decoded.id());
    }

    public String encode() {
        return new ReportCursor(createdAt, id).encode();
    }
}
