package org.aidline.registry.monitoring;

/** An event as its source names it: the event id is unique within the source department. */
public record EventKey(String source, String eventId) {

    public static final int MAX_SOURCE_LENGTH = 64;
    public static final int MAX_EVENT_ID_LENGTH = 128;

    public EventKey {
        if (source.isBlank() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("A source has 1 to " + MAX_SOURCE_LENGTH + " characters");
        }
        if (eventId.isBlank() || eventId.length() > MAX_EVENT_ID_LENGTH) {
            throw new IllegalArgumentException("An event id has 1 to " + MAX_EVENT_ID_LENGTH + " characters");
        }
    }
}
