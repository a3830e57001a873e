package org.aidline.intake.payment;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of payment instructions, newest first, and the cursor of the next page if there is one. */
public record PaymentPage(List<PaymentInstruction> items, @Nullable PaymentCursor next) {

    public PaymentPage {
        items = List.copyOf(items);
    }

    /** Builds a page from up to {@code limit + 1} rows: the extra row only says that more follow. */
    public static PaymentPage of(List<PaymentInstruction> rows, int limit) {
        if (rows.size() <= limit) {
            return new PaymentPage(rows, null);
        }
        List<PaymentInstruction> page = rows.subList(0, limit);
        return new PaymentPage(page, PaymentCursor.after(page.get(limit - 1)));
    }
}
