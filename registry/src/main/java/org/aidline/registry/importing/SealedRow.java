package org.aidline.registry.importing;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A row ready to write: personal data only encrypted, hashed and masked, the village's county from
 * intake's directory, and the ids its household, member and enrolment get if they are new.
 */
public record SealedRow(long row, String householdKey, UUID newHouseholdId, UUID newMemberId, UUID newEnrolmentId,
        byte[] idNumberHash, byte[] idNumberCipher, String idNumberMasked, byte[] nameHash, byte[] nameCipher, String nameMasked,
        String villageCode, String countyCode, String programme, long monthlyAmountFen, @Nullable LocalDate startsOn, String status,
        @Nullable String reason) {
}
