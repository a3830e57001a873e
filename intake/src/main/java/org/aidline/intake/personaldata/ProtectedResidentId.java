package org.aidline.intake.personaldata;

/** A resident ID number as stored: encrypted, with a keyed hash to find a household by it. */
public record ProtectedResidentId(byte[] ciphertext, byte[] householdKey, String masked) {
}
