package org.aidline.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdTests {

    private static final long SEED = 0x5EED_1D0CL;

    static Stream<String> validNumbers() {
        Random random = new Random(SEED);
        return IntStream.range(0, 300).mapToObj(i -> ResidentIdSamples.randomValid(random));
    }

    static Stream<Arguments> validNumbersWithEveryWrongCheckCharacter() {
        Random random = new Random(SEED + 1);
        return IntStream.range(0, 40)
                .mapToObj(i -> ResidentIdSamples.randomValid(random))
                .flatMap(valid -> "0123456789X".chars()
                        .filter(c -> c != valid.charAt(17))
                        .mapToObj(c -> Arguments.of(valid.substring(0, 17) + (char) c)));
    }

    static Stream<Arguments> validNumbersWithOneDigitChanged() {
        Random random = new Random(SEED + 2);
        return IntStream.range(0, 200).mapToObj(i -> {
            String valid = ResidentIdSamples.randomValid(random);
            int position = random.nextInt(17);
            int original = valid.charAt(position) - '0';
            int replacement = (original + 1 + random.nextInt(9)) % 10;
            String typo = valid.substring(0, position) + replacement + valid.substring(position + 1);
            return Arguments.of(valid, typo);
        });
    }

    @Test
    void independentCheckComputationReproducesThePublishedExample() {
        assertThat(ResidentIdSamples.checkCharacterOf("11010519491231002")).isEqualTo('X');
    }

    @Test
    void acceptsThePublishedExampleEndingInX() {
        ResidentId id = new ResidentId("11010519491231002X");

        assertThat(id.value()).isEqualTo("11010519491231002X");
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void acceptsNumbersWithRealBirthDateAndCorrectCheckCharacter(String number) {
        ResidentId id = new ResidentId(number);

        assertThat(id.value()).isEqualTo(number);
    }

    @ParameterizedTest
    @MethodSource("validNumbersWithEveryWrongCheckCharacter")
    void refusesWrongCheckDigit(String number) {
        assertThatThrownBy(() -> new ResidentId(number))
                .isInstanceOf(InvalidResidentIdException.class)
                .hasMessageContaining("check digit");
    }

    @ParameterizedTest
    @MethodSource("validNumbersWithOneDigitChanged")
    void refusesAnySingleDigitTypo(String valid, String typo) {
        assertThat(new ResidentId(valid).value()).isEqualTo(valid);
        assertThatThrownBy(() -> new ResidentId(typo)).isInstanceOf(InvalidResidentIdException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "19901301", // month 13
            "19900001", // month 00
            "19900230", // 30 February
            "19900100", // day 00
            "19900431", // 31 April
            "19900132", // 32 January
            "20230229", // 29 February of a common year
            "19000229"  // 1900 is not a leap year
    })
    void refusesImpossibleBirthDate(String birthDate) {
        String number = ResidentIdSamples.withCheckCharacter("640104" + birthDate + "123");

        assertThatThrownBy(() -> new ResidentId(number))
                .isInstanceOf(InvalidResidentIdException.class)
                .hasMessageContaining("birth date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20000229", "20240229", "19881231", "19700101"})
    void acceptsRealDatesIncludingLeapDays(String birthDate) {
        String number = ResidentIdSamples.withCheckCharacter("640104" + birthDate + "123");

        assertThat(new ResidentId(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "6401041990010112",      // 16 characters
            "64010419900101123",     // 17 digits, no check character
            "6401041990010112345",   // 19 digits
            "64010419900101123A",    // letter as check character
            "6401A419900101123X",    // letter inside
            "64010419900101X234",    // X not at the end
            "640104 19900101 1234",  // spaces
            "640104-19900101-123X",  // hyphens
            "\uFF16\uFF14\uFF10\uFF11\uFF10\uFF14199001011234" // full-width digits
    })
    void refusesWrongLengthOrCharacters(String number) {
        assertThatThrownBy(() -> new ResidentId(number))
                .isInstanceOf(InvalidResidentIdException.class)
                .hasMessageContaining("17 digits");
    }

    @Test
    void acceptsLowercaseXAndNormalisesItToUppercase() {
        ResidentId id = new ResidentId("11010519491231002x");

        assertThat(id.value()).isEqualTo("11010519491231002X");
        assertThat(id).isEqualTo(new ResidentId("11010519491231002X"));
    }

    @Test
    void masksAllButRegionAndLastFourCharacters() {
        String number = ResidentIdSamples.withCheckCharacter("64010419900101123");
        ResidentId id = new ResidentId(number);

        assertThat(id.masked())
                .isEqualTo("640104********" + number.substring(14))
                .hasSize(18)
                .matches("640104\\*{8}123[0-9X]");
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void maskedFormHidesTheBirthDate(String number) {
        String masked = new ResidentId(number).masked();

        assertThat(masked).matches("\\d{6}\\*{8}\\d{3}[0-9X]");
        assertThat(masked.substring(0, 6)).isEqualTo(number.substring(0, 6));
        assertThat(masked.substring(14)).isEqualTo(number.substring(14));
        assertThat(masked).doesNotContain(number.substring(6, 14));
    }

    @ParameterizedTest
    @MethodSource("validNumbers")
    void toStringNeverContainsTheFullNumber(String number) {
        ResidentId id = new ResidentId(number);

        assertThat(id.toString()).doesNotContain(number).isEqualTo(id.masked());
        assertThat(String.valueOf(id)).doesNotContain(number);
    }

    @Test
    void subjectToStringShowsOnlyTheMaskedNumber() {
        String number = ResidentIdSamples.withCheckCharacter("64010419900101123");
        Subject subject = new Subject("Ma Lan", new ResidentId(number), null, 3);

        assertThat(subject.toString()).doesNotContain(number).contains("640104********");
    }
}
