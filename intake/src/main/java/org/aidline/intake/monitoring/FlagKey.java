package org.aidline.intake.monitoring;

/** A flag as the monitoring platform names it: its id, unique within the source that assigned it. */
public record FlagKey(String source, String flagId) {

    public static final int MAX_SOURCE_LENGTH = 64;
    public static final int MAX_FLAG_ID_LENGTH = 128;

    public FlagKey {
        if (source.isBlank() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("A flag source has 1 to " + MAX_SOURCE_LENGTH + " characters");
        }
        if (flagId.isBlank() || flagId.length() > MAX_FLAG_ID_LENGTH) {
            throw new IllegalArgumentException("A flag id has 1 to " + MAX_FLAG_ID_LENGTH + " characters");
        }
    }
}
