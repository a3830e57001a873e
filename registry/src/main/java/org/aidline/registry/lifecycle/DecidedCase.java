package org.aidline.registry.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A case the ordinary path decided by granting a minimum-living application, as intake publishes it
 * (its report and decision views): who (the ID number's keyed hash, ciphertext and masked form, the
 * name as filed), where, and the monthly amount: the county's standard in force on the decision's
 * day when one is set, else the amount decided.
 */
public record DecidedCase(UUID reportId, byte[] subjectKey, byte[] idCipher, String idMasked, String subjectName, String villageCode,
        String countyCode, long monthlyAmountFen, LocalDate startsOn, String decidedBy, Instant decidedAt, @Nullable UUID decisionId) {
}
