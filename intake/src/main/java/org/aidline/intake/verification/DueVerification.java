package org.aidline.intake.verification;

import java.util.UUID;

/** A search claimed for sending: which registry, which attempt, and the person's encrypted ID number. */
public record DueVerification(UUID id, UUID grantId, String registry, int attempt, byte[] encryptedIdNumber) {
}
