package org.aidline.intake.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.aidline.intake.report.ResidentId;

/**
 * Encrypts resident ID numbers with AES-256-GCM and derives an HMAC-SHA256 household key, so
 * the same person is found across reports without the number ever being stored in clear.
 */
public final class PersonalDataProtector {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(byte[] encryptionKey, byte[] hashKey) {
        if (encryptionKey.length != 32) {
            throw new IllegalArgumentException("The encryption key must be 32 bytes (AES-256)");
        }
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("The hash key must be at least 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
    }

    public ProtectedResidentId protect(ResidentId id) {
        return new ProtectedResidentId(encrypt(id.value()), householdKey(id), id.masked());
    }

    public byte[] householdKey(ResidentId id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(id.value().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    public ResidentId reveal(byte[] ciphertext) {
        if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored ID number is too short to be a ciphertext of this protector");
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
            byte[] nonce = new byte[NONCE_BYTES];
            buffer.get(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] plain = cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
            return new ResidentId(new String(plain, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored ID number cannot be decrypted with the configured key", e);
        }
    }

    private byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
