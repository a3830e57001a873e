package org.aidline.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    @ParameterizedTest
    @ValueSource(strings = {"+86 138-0000-0000", "0086 13800000000", "13800000000", "+8613800000000", "138 0000 0000", "138 0000-0000"})
    void findsTheSameMobileWhateverItsWriting(String text) {
        assertThat(PhoneNumber.isAcceptable(text)).isTrue();
        assertThat(PhoneNumber.parse(text)).isEqualTo(new PhoneNumber("13800000000"));
        assertThat(PhoneNumber.parse(text).digits()).isEqualTo("13800000000");
    }

    @Test
    void keepsTheDigitsOfALandlineWithAreaCode() {
        PhoneNumber landline = PhoneNumber.parse("0951-1234567");

        assertThat(landline.digits()).isEqualTo("09511234567");
        assertThat(landline).hasToString("09511234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "138-abcd-0000", "1380000000O", "tel:13800000000", "13800000000 ext 12"})
    void refusesLetters(String text) {
        assertThat(PhoneNumber.isAcceptable(text)).isFalse();
        assertThatThrownBy(() -> PhoneNumber.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "12", "", "1234", "+86 12", "1234567890123456", "1----"})
    void isNotAcceptableWithoutFiveToFifteenDigits(String text) {
        assertThat(PhoneNumber.isAcceptable(text)).isFalse();
        assertThatThrownBy(() -> PhoneNumber.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234", "1234567890123456", "138-0000", "+8613800000000"})
    void refusesDigitsThatAreNotFiveToFifteenPlainDigits(String digits) {
        assertThatThrownBy(() -> new PhoneNumber(digits)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findsTheSameLandlineWrittenWithPlusEightySixAndTheTrunkZero() {
        assertThat(PhoneNumber.parse("+86 0951 1234567")).isEqualTo(PhoneNumber.parse("0951-1234567"));
    }

    @Test
    void findsTheSameLandlineWrittenInInternationalForm() {
        assertThat(PhoneNumber.parse("+86 951 1234567")).isEqualTo(PhoneNumber.parse("0951-1234567"));
    }
}
