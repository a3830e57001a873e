package org.aidline.notification.task;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of tasks ended, in the list's order: the last task's light rank (LIGHT only), the
 * instant it was sorted by (its creation, or its next deadline) and its id. Opaque to clients.
 */
public record TaskCursor(TaskOrder order, int rank, Instant at, UUID id) {

    /** Where tasks without limits (opened before they existed) sort: after every deadline, as in the database. */
    static final Instant NO_DEADLINE = Instant.parse("9999-12-31T00:00:00Z");

    /** After {@code task} in a list sorted by {@code order}, its light and deadline read at the time the page was. */
    public static TaskCursor after(CoordinatorTask task, TaskOrder order) {
        Instant at = order == TaskOrder.NEWEST ? task.createdAt() : task.clock().nextDeadline(task.acknowledgedAt() != null);
        int rank = order == TaskOrder.LIGHT && task.clock().light() != null ? task.clock().light().ordinal() : 0;
        return new TaskCursor(order, rank, at == null ? NO_DEADLINE : at, task.id().value());
    }

    public String encode() {
        String plain = order + "|" + rank + "|" + at + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws IllegalArgumentException for anything {@link #encode()} did not make. */
    public static TaskCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4) {
                throw new IllegalArgumentException("Not a task cursor");
            }
            int rank = Integer.parseInt(parts[1]);
            if (rank < 0 || rank > 2) {
                throw new IllegalArgumentException("Not a task cursor");
            }
            return new TaskCursor(TaskOrder.valueOf(parts[0]), rank, Instant.parse(parts[2]), UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a task cursor", e);
        }
    }
}
