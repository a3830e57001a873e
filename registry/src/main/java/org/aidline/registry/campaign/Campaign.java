package org.aidline.registry.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/**
 * A one-off campaign: {@code amountPerPersonFen} once to every person enrolled (ACTIVE, started by
 * {@code asOf}) in one of its programmes, in the counties under {@code regionPrefix}.
 */
public record Campaign(UUID id, String name, long amountPerPersonFen, List<Programme> programmes, LocalDate asOf, String regionPrefix,
        Status status, String createdBy, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant completedAt) {

    /** CREATED until run; RUNNING while counties are granted or the bank has not answered for all; then COMPLETED. */
    public enum Status { CREATED, RUNNING, COMPLETED }

    public Campaign {
        programmes = List.copyOf(programmes);
        if (name.isBlank() || programmes.isEmpty() || amountPerPersonFen <= 0) {
            throw new IllegalArgumentException("A campaign has a name, a programme and a positive amount");
        }
    }

    /** A campaign pays nobody before the date its list of people is taken on. */
    public boolean isDue(LocalDate today) {
        return !asOf.isAfter(today);
    }
}
