package org.aidline.intake.region;

import java.util.regex.Pattern;

/** A 12-digit village code: county (6) + township (3) + village (3). */
public record VillageCode(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{12}");

    public VillageCode {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("A village code has 12 digits");
        }
    }

    public static boolean isWellFormed(String value) {
        return FORMAT.matcher(value).matches();
    }

    public String countyCode() {
        return value.substring(0, 6);
    }

    public String townshipCode() {
        return value.substring(0, 9);
    }

    @Override
    public String toString() {
        return value;
    }
}
