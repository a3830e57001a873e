package org.aidline.registry.importing;

import java.time.LocalDate;
import org.aidline.intake.money.Money;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.ResidentId;
import org.aidline.registry.EnrolmentStatus;
import org.aidline.registry.Programme;
import org.jspecify.annotations.Nullable;

/**
 * A checked row: a person (ID number, name, village, household) and one enrolment of theirs.
 * Without {@code startsOn} a new enrolment starts on the day of the import and an existing one keeps
 * its date; without {@code householdId} the person is a household of their own.
 */
public record ImportRow(long row, ResidentId idNumber, String name, VillageCode village, Programme programme, Money monthlyAmount,
        @Nullable LocalDate startsOn, EnrolmentStatus status, @Nullable String reason, @Nullable String householdId) {

    /** The key of the person's household: the feed's household, or the person's own. */
    String householdKey(String personKey) {
        return householdId == null ? "person:" + personKey : "feed:" + householdId;
    }

    /** The household in the file's own terms (its id, or the person's ID number): which rows belong together, before any HMAC. */
    String household() {
        return householdId == null ? "person:" + idNumber.value() : "feed:" + householdId;
    }
}
