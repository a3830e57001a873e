package org.aidline.notification.task;

import java.util.UUID;

/** A coordinator task's identifier. */
public record TaskId(UUID value) {

    /** Throws IllegalArgumentException for anything that is not a UUID. */
    public static TaskId parse(String value) {
        return new TaskId(UUID.fromString(value));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
