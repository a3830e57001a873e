package org.aidline.notification.task;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;
import java.util.UUID;

/** A coordinator task's identifier. */
public record TaskId(UUID value) {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    /** Time-ordered (UUIDv7): new tasks land at the end of the primary key's index. */
    public static TaskId next() {
        return new TaskId(GENERATOR.generate());
    }

    /** Throws IllegalArgumentException for anything that is not a UUID. */
    public static TaskId parse(String value) {
        return new TaskId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
