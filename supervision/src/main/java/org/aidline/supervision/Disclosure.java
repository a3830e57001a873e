package org.aidline.supervision;

import org.aidline.intake.personaldata.PersonalDataProtector;
import org.jspecify.annotations.Nullable;

/**
 * How much personal data an export shows: masked for supervisors (first character of a name,
 * first three and last four digits of a phone, the stored masked ID number), whole for auditors,
 * whose export is then recorded in the audit trail.
 */
public final class Disclosure {

    private final @Nullable PersonalDataProtector protector;

    private Disclosure(@Nullable PersonalDataProtector protector) {
        this.protector = protector;
    }

    public static Disclosure masked() {
        return new Disclosure(null);
    }

    public static Disclosure full(PersonalDataProtector protector) {
        return new Disclosure(protector);
    }

    public boolean isFull() {
        return protector != null;
    }

    public @Nullable String name(@Nullable String name) {
        if (name == null || protector != null || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }

    public @Nullable String phone(@Nullable String phone) {
        if (phone == null || protector != null) {
            return phone;
        }
        int digits = (int) phone.chars().filter(Character::isDigit).count();
        StringBuilder shown = new StringBuilder(phone.length());
        int seen = 0;
        for (char c : phone.toCharArray()) {
            if (Character.isDigit(c)) {
                seen++;
                shown.append(seen <= 3 || seen > digits - 4 ? c : '*');
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    public @Nullable String idNumber(ExportRows.Person person) {
        if (protector != null && person.idCipher() != null) {
            return protector.reveal(person.idCipher()).value();
        }
        return person.maskedIdNumber();
    }
}
