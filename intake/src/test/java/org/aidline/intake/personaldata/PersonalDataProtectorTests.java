package org.aidline.intake.personaldata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.aidline.intake.report.ResidentId;
import org.aidline.intake.report.ResidentIdSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataProtectorTests {

    private static final long SEED = 0xAE5_256L;
    private static final ResidentId ID = new ResidentId("11010519491231002X");

    private final Random keys = new Random(SEED);
    private final byte[] encryptionKey = bytes(keys, 32);
    private final byte[] hashKey = bytes(keys, 32);
    private final PersonalDataProtector protector = new PersonalDataProtector(encryptionKey, hashKey);

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    static Stream<String> validNumbers() {
        Random random = new Random(SEED + 1);
        return IntStream.range(0, 100).mapToObj(i -> ResidentIdSamples.randomValid(random));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void revealsWhatItProtected(String number) {
        ResidentId id = new ResidentId(number);

        ProtectedResidentId stored = protector.protect(id);

        assertThat(protector.reveal(stored.ciphertext())).isEqualTo(id);
        assertThat(stored.masked()).isEqualTo(id.masked());
    }

    @Test
    void aNewProtectorWithTheSameKeysRevealsWhatAnotherProtected() {
        byte[] ciphertext = protector.protect(ID).ciphertext();

        PersonalDataProtector restarted = new PersonalDataProtector(encryptionKey.clone(), hashKey.clone());

        assertThat(restarted.reveal(ciphertext)).isEqualTo(ID);
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void protectingTwiceGivesDifferentCiphertextsButTheSameHouseholdKey(String number) {
        ResidentId id = new ResidentId(number);

        ProtectedResidentId first = protector.protect(id);
        ProtectedResidentId second = protector.protect(id);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(first.householdKey()).isEqualTo(second.householdKey());
        assertThat(first.householdKey()).isEqualTo(protector.householdKey(id));
    }

    @Test
    void householdKeyIsAnHmacSha256Digest() {
        assertThat(protector.householdKey(ID)).hasSize(32);
    }

    @Test
    void differentHashKeysGiveDifferentHouseholdKeys() {
        byte[] otherHashKey = hashKey.clone();
        otherHashKey[0] ^= 1;
        PersonalDataProtector other = new PersonalDataProtector(encryptionKey, otherHashKey);

        assertThat(other.householdKey(ID)).isNotEqualTo(protector.householdKey(ID));
    }

    @Test
    void differentPeopleHaveDifferentHouseholdKeys() {
        long distinct = validNumbers()
                .distinct()
                .map(number -> Arrays.toString(protector.householdKey(new ResidentId(number))))
                .distinct()
                .count();

        assertThat(distinct).isEqualTo(validNumbers().distinct().count());
    }

    @Test
    void lowercaseXGivesTheSameHouseholdKey() {
        assertThat(protector.householdKey(new ResidentId("11010519491231002x")))
                .isEqualTo(protector.householdKey(new ResidentId("11010519491231002X")));
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void ciphertextDoesNotContainThePlainNumber(String number) {
        byte[] ciphertext = protector.protect(new ResidentId(number)).ciphertext();

        assertThat(contains(ciphertext, number.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(ciphertext, number.substring(6, 14).getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(contains(ciphertext, number.getBytes(StandardCharsets.UTF_16))).isFalse();
    }

    @Test
    void tamperingWithAnyByteOfTheCiphertextIsDetected() {
        byte[] ciphertext = protector.protect(ID).ciphertext();

        for (int i = 0; i < ciphertext.length; i++) {
            byte[] tampered = ciphertext.clone();
            tampered[i] ^= 0x01;

            assertThatThrownBy(() -> protector.reveal(tampered))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void truncatedCiphertextIsDetected() {
        byte[] ciphertext = protector.protect(ID).ciphertext();

        // 12 bytes of nonce and 16 of tag remain: the tag check is what fails.
        for (int length : new int[] {ciphertext.length - 1, ciphertext.length - 16, 29, 28}) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);

            assertThatThrownBy(() -> protector.reveal(truncated))
                    .as("truncated to %d bytes", length)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void ciphertextShorterThanNonceAndTagFailsLikeAnyUndecryptableValue() {
        byte[] ciphertext = protector.protect(ID).ciphertext();

        for (int length : new int[] {0, 1, 11, 12, 13, 27}) {
            byte[] truncated = Arrays.copyOf(ciphertext, length);

            assertThatThrownBy(() -> protector.reveal(truncated))
                    .as("%d bytes", length)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void anotherEncryptionKeyCannotReveal() {
        byte[] ciphertext = protector.protect(ID).ciphertext();
        byte[] otherEncryptionKey = encryptionKey.clone();
        otherEncryptionKey[31] ^= 1;
        PersonalDataProtector other = new PersonalDataProtector(otherEncryptionKey, hashKey);

        assertThatThrownBy(() -> other.reveal(ciphertext)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsItsOwnCopyOfTheKeys() {
        byte[] encryption = bytes(new Random(SEED + 2), 32);
        byte[] hash = bytes(new Random(SEED + 3), 32);
        PersonalDataProtector own = new PersonalDataProtector(encryption, hash);
        byte[] householdKeyBefore = own.householdKey(ID);
        byte[] ciphertext = own.protect(ID).ciphertext();

        Arrays.fill(encryption, (byte) 0);
        Arrays.fill(hash, (byte) 0);

        assertThat(own.reveal(ciphertext)).isEqualTo(ID);
        assertThat(own.householdKey(ID)).isEqualTo(householdKeyBefore);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 24, 31, 33, 64})
    void refusesEncryptionKeysThatAreNotAes256(int size) {
        assertThatThrownBy(() -> new PersonalDataProtector(new byte[size], new byte[32]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31})
    void refusesHashKeysShorterThan32Bytes(int size) {
        assertThatThrownBy(() -> new PersonalDataProtector(new byte[32], new byte[size]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 33, 64})
    void acceptsHashKeysOfAtLeast32Bytes(int size) {
        assertThatCode(() -> new PersonalDataProtector(new byte[32], new byte[size])).doesNotThrowAnyException();
    }

    @Test
    void threadsSealingAtOnceEachGetTheirOwnRoundTrip() throws Exception {
        // Each thread keeps its own Mac and Cipher: many at once must neither mix nonces nor hashes.
        List<String> numbers = IntStream.range(0, 4_000).mapToObj(i -> ResidentIdSamples.randomValid(new Random(SEED + i))).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (String number : numbers) {
                checks.add(threads.submit(() -> {
                    ResidentId id = new ResidentId(number);
                    ProtectedResidentId sealed = protector.protect(id);
                    ProtectedName name = protector.protectName("马" + number);
                    return protector.reveal(sealed.ciphertext()).equals(id)
                            && protector.revealName(name.ciphertext()).equals("马" + number)
                            && Arrays.equals(sealed.householdKey(), new PersonalDataProtector(encryptionKey, hashKey).householdKey(id));
                }));
            }
            for (Future<Boolean> check : checks) {
                assertThat(check.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
