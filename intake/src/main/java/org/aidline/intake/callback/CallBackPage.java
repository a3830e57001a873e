package org.aidline.intake.callback;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of the call-back queue and where the next begins (null at the end). */
public record CallBackPage(List<CallBack> items, @Nullable CallBackCursor next) {

    public CallBackPage {
        items = List.copyOf(items);
    }

    /** {@code rows} read with one more than {@code limit}: that one only says there is a next page. */
    public static CallBackPage of(List<CallBack> rows, int limit) {
        if (rows.size() <= limit) {
            return new CallBackPage(rows, null);
        }
        List<CallBack> page = rows.subList(0, limit);
        return new CallBackPage(page, CallBackCursor.after(page.get(limit - 1)));
    }
}
