package org.aidline.intake.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Builds resident ID numbers for tests. The check character is computed here, independently of
 * {@link ResidentId}, from the GB 11643 / ISO 7064 MOD 11-2 weights and check table.
 */
public final class ResidentIdSamples {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_TABLE = "10X98765432";
    private static final String[] REGIONS = {"640104", "640105", "640181", "640202", "110105", "310115", "440305"};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST_BIRTH = LocalDate.of(2024, 12, 31);

    private ResidentIdSamples() {
    }

    /** The check character of the first 17 digits. */
    public static char checkCharacterOf(String seventeenDigits) {
        if (seventeenDigits.length() != 17) {
            throw new IllegalArgumentException("17 digits expected: " + seventeenDigits);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += Character.digit(seventeenDigits.charAt(i), 10) * WEIGHTS[i];
        }
        return CHECK_TABLE.charAt(sum % 11);
    }

    /** The 17 digits followed by their correct check character. */
    public static String withCheckCharacter(String seventeenDigits) {
        return seventeenDigits + checkCharacterOf(seventeenDigits);
    }

    /** An 18-character number: a real region prefix, a real birth date, a sequence, the right check character. */
    public static String randomValid(Random random) {
        String region = REGIONS[random.nextInt(REGIONS.length)];
        long days = EARLIEST_BIRTH.until(LATEST_BIRTH, java.time.temporal.ChronoUnit.DAYS);
        LocalDate birth = EARLIEST_BIRTH.plusDays(random.nextInt((int) days + 1));
        String sequence = String.format("%03d", random.nextInt(1000));
        return withCheckCharacter(region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + sequence);
    }
}
