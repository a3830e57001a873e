package org.aidline.intake.personaldata;

/**
 * A person's name as stored: encrypted, with a keyed hash that tells whether a name sent again is
 * the same without decrypting the stored one, and the masked form shown in answers.
 */
public record ProtectedName(byte[] ciphertext, byte[] hash, String masked) {
}
