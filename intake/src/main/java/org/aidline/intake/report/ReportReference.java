package org.aidline.intake.report;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A short reference a person can read over the phone, such as {@code K7M-Q4X-PA}: eight characters
 * in groups of 3-3-2, from an alphabet without the look-alikes 0/O, 1/I/L, 2/Z, 5/S, 8/B and U/V.
 */
public record ReportReference(String value) {

    static final String ALPHABET = "34679ACDEFGHJKMNPQRTWXY";
    private static final Pattern FORMAT = Pattern.compile("[" + ALPHABET + "]{3}-[" + ALPHABET + "]{3}-[" + ALPHABET + "]{2}");
    private static final RandomGenerator RANDOM = new SecureRandom();

    public ReportReference {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a report reference: " + value);
        }
    }

    public static ReportReference random() {
        return random(RANDOM);
    }

    static ReportReference random(RandomGenerator random) {
        StringBuilder reference = new StringBuilder(10);
        for (int i = 0; i < 8; i++) {
            if (i == 3 || i == 6) {
                reference.append('-');
            }
            reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new ReportReference(reference.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
