package org.aidline.intake.personaldata;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.aidline.intake.report.ResidentId;

/**
 * Encrypts resident ID numbers (and names) with AES-256-GCM and derives an HMAC-SHA256 household key, so
 * the same person is found across reports without the number ever being stored in clear.
 */
public final class PersonalDataProtector {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();
    // Looking a Mac or a Cipher up in the providers costs several times the hashing or encryption of an ID number; an
    // instance is not for two threads at once, so each thread keeps its own (a Cipher is initialised per use: a fresh nonce).
    private final ThreadLocal<Mac> macs;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(PersonalDataProtector::aesGcm);

    public PersonalDataProtector(byte[] encryptionKey, byte[] hashKey) {
        if (encryptionKey.length != 32) {
            throw new IllegalArgumentException("The encryption key must be 32 bytes (AES-256)");
        }
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("The hash key must be at least 32 bytes");
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::hmacSha256);
    }

    public ProtectedResidentId protect(ResidentId id) {
        return new ProtectedResidentId(encrypt(id.value()), householdKey(id), id.masked());
    }

    public byte[] householdKey(ResidentId id) {
        return hmac(id.value().getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A name (any text of a person) encrypted, its keyed hash and its masked form (张三丰 -> 张**).
     * The hash is taken over a prefix no ID number has, so a name never matches an ID number's key.
     */
    public ProtectedName protectName(String name) {
        String stripped = name.strip();
        return new ProtectedName(encrypt(stripped, StandardCharsets.UTF_8), hmac(("name:" + stripped).getBytes(StandardCharsets.UTF_8)),
                maskName(stripped));
    }

    public String revealName(byte[] ciphertext) {
        return new String(decrypt(ciphertext), StandardCharsets.UTF_8);
    }

    /** A name as answers show it: its first character, the rest starred. */
    public static String maskName(String name) {
        String stripped = name.strip();
        if (stripped.isEmpty()) {
            return "*";
        }
        int first = stripped.offsetByCodePoints(0, 1);
        return stripped.substring(0, first) + "*".repeat(Math.max(1, stripped.codePointCount(first, stripped.length())));
    }

    private byte[] hmac(byte[] message) {
        return macs.get().doFinal(message);
    }

    private Mac hmacSha256() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static Cipher aesGcm() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public ResidentId reveal(byte[] ciphertext) {
        return new ResidentId(new String(decrypt(ciphertext), StandardCharsets.US_ASCII));
    }

    private byte[] decrypt(byte[] ciphertext) {
        if (ciphertext.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("A stored ciphertext is too short to be one of this protector");
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(ciphertext);
            byte[] nonce = new byte[NONCE_BYTES];
            buffer.get(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(ciphertext, NONCE_BYTES, ciphertext.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored ciphertext cannot be decrypted with the configured key", e);
        }
    }

    private byte[] encrypt(String plain) {
        return encrypt(plain, StandardCharsets.US_ASCII);
    }

    private byte[] encrypt(String plain, Charset charset) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(charset));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }
}
