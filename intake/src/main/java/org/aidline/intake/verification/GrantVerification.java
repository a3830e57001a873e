package org.aidline.intake.verification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A grant's verification as a supervisor reviews it: the verdict and each registry's answer. */
public record GrantVerification(UUID grantId, UUID reportId, String villageCode, VerificationStatus status,
        List<Map<String, Object>> searches, Instant updatedAt) {

    public GrantVerification {
        searches = List.copyOf(searches);
    }
}
