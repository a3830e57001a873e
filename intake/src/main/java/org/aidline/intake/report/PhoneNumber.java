package org.aidline.intake.report;

import java.util.regex.Pattern;

/**
 * A phone number reduced to its digits, so that "+86 138-0000-0000" and "13800000000" are found
 * as the same caller.
 */
public record PhoneNumber(String digits) {

    private static final Pattern ACCEPTED = Pattern.compile("\\+?[0-9][0-9 ()-]{4,24}");
    private static final Pattern DIGITS = Pattern.compile("\\d{5,15}");

    public PhoneNumber {
        if (!DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("A phone number has 5 to 15 digits");
        }
    }

    public static boolean isAcceptable(String text) {
        return ACCEPTED.matcher(text).matches() && DIGITS.matcher(normalise(text)).matches();
    }

    public static PhoneNumber parse(String text) {
        if (!ACCEPTED.matcher(text).matches()) {
            throw new IllegalArgumentException("Not a phone number");
        }
        return new PhoneNumber(normalise(text));
    }

    private static String normalise(String text) {
        String digits = text.replaceAll("[^0-9]", "");
        if (text.startsWith("+86") || text.startsWith("0086")) {
            digits = digits.substring(text.startsWith("+") ? 2 : 4);
            // Abroad a landline drops its trunk 0 (+86 951 ...); at home it is dialled (0951 ...).
            if (!digits.startsWith("1") && !digits.startsWith("0")) {
                digits = "0" + digits;
            }
        }
        return digits;
    }

    @Override
    public String toString() {
        return digits;
    }
}
