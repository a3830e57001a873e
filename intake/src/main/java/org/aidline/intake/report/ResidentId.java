package org.aidline.intake.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An 18-character resident identity number (GB 11643): region (6), birth date (8), sequence (3)
 * and an ISO 7064 MOD 11-2 check character. Never printed whole: {@link #toString()} masks it.
 */
public record ResidentId(String value) {

    private static final Pattern FORMAT = Pattern.compile("\\d{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";

    public ResidentId {
        value = value.toUpperCase();
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidResidentIdException("A resident ID number has 17 digits and a check digit or X");
        }
        if (!hasValidBirthDate(value)) {
            throw new InvalidResidentIdException("The birth date in the resident ID number is not a date");
        }
        if (checkCharacter(value) != value.charAt(17)) {
            throw new InvalidResidentIdException("The check digit of the resident ID number is wrong");
        }
    }

    static char checkCharacter(String value) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    private static boolean hasValidBirthDate(String value) {
        try {
            LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** The form shown to people and logs: region code, eight stars, the last four characters. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }
}
