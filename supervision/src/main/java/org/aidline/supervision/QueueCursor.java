package org.aidline.supervision;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where a page of a queue ends, in its urgency order (rank, since, id): opaque to clients. */
public record QueueCursor(WorkQueue queue, int rank, Instant since, String id) {

    public static QueueCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 4);
            return new QueueCursor(WorkQueue.valueOf(parts[0]), Integer.parseInt(parts[1]), Instant.parse(parts[2]), parts[3]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a cursor of a work queue", e);
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((queue.name() + "|" + rank + "|" + since + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
