package org.aidline.supervision;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One thing waiting on a supervisor, the same shape in every queue: what it is ({@code id} of a
 * grant, task, payment instruction or notification), its report and grant, where, how urgent
 * ({@code rank}, lower first), since when it waits, its state and, for money, the amount in fen.
 */
public record QueueItem(WorkQueue queue, String id, String reportId, @Nullable String grantId, String villageCode, boolean urgent,
        int rank, Instant since, String state, @Nullable Long amountFen, @Nullable String detail) {

    public QueueCursor cursor() {
        return new QueueCursor(queue, rank, since, id);
    }
}
