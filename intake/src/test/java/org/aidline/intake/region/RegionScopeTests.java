package org.aidline.intake.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionScopeTests {

    private static final long SEED = 0x640104L;

    private static boolean covers(String scope, String village) {
        return RegionScope.of(scope).covers(new VillageCode(village));
    }

    /** Villages of Ningxia (64xxxx) with random county, township and village parts. */
    static Stream<String> ningxiaVillages() {
        Random random = new Random(SEED);
        return IntStream.range(0, 200).mapToObj(i -> String.format("64%02d%02d%03d%03d",
                random.nextInt(100), random.nextInt(100), random.nextInt(1000), random.nextInt(1000)));
    }

    @Test
    void countyCoversItsOwnVillagesOnly() {
        assertThat(covers("640104", "640104001001")).isTrue();
        assertThat(covers("640104", "640104203017")).isTrue();
        assertThat(covers("640104", "640105001001")).isFalse();
        assertThat(covers("640104", "640181001001")).isFalse();
    }

    @Test
    void prefectureCoversTheVillagesOfItsCounties() {
        assertThat(covers("640100", "640104001001")).isTrue();
        assertThat(covers("640100", "640105002003")).isTrue();
        assertThat(covers("640100", "640181100200")).isTrue();
        assertThat(covers("640100", "640202001001")).isFalse();
        assertThat(covers("640100", "650104001001")).isFalse();
    }

    @ParameterizedTest
    @MethodSource("ningxiaVillages")
    void provinceCoversEveryVillageOfTheProvince(String village) {
        assertThat(covers("640000", village)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"650104001001", "110105001001", "540104001001", "046400001001"})
    void provinceDoesNotCoverVillagesOfOtherProvinces(String village) {
        assertThat(covers("640000", village)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("ningxiaVillages")
    void countyCoversAVillageExactlyWhenTheVillageCodeStartsWithIt(String village) {
        assertThat(covers("640104", village)).isEqualTo(village.startsWith("640104"));
        assertThat(covers("640100", village)).isEqualTo(village.startsWith("6401"));
    }

    @Test
    void villageScopeCoversOnlyThatVillage() {
        assertThat(covers("640104001001", "640104001001")).isTrue();
        assertThat(covers("640104001001", "640104001002")).isFalse();
        assertThat(covers("640104001001", "640104002001")).isFalse();
        assertThat(covers("640104001001", "640105001001")).isFalse();
    }

    @Test
    void townshipWrittenAsTwelveDigitsCoversThatTownshipsVillages() {
        assertThat(covers("640104001000", "640104001001")).isTrue();
        assertThat(covers("640104001000", "640104001210")).isTrue();
        assertThat(covers("640104001000", "640104002001")).isFalse();
        assertThat(covers("640104001000", "640105001001")).isFalse();
    }

    @Test
    void nineDigitTownshipCoversThatTownshipsVillages() {
        assertThat(covers("640104001", "640104001001")).isTrue();
        assertThat(covers("640104001", "640104001210")).isTrue();
        assertThat(covers("640104001", "640104002001")).isFalse();
        assertThat(covers("640104001", "640105001001")).isFalse();
    }

    @Test
    void keepsTheCodeItWasBuiltFrom() {
        assertThat(RegionScope.of("640100").code()).isEqualTo("640100");
        assertThat(RegionScope.of("640104001000").code()).isEqualTo("640104001000");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "64", "64010", "6401041", "64010400", "6401040010", "64010400100", "6401040010011",
            "64010A", "640104 ", " 640104", "640-104", "\uFF16\uFF14\uFF10\uFF11\uFF10\uFF14"
    })
    void refusesMalformedCodes(String code) {
        assertThat(RegionScope.isWellFormed(code)).isFalse();
        assertThatThrownBy(() -> RegionScope.of(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"640000", "640100", "640104", "640104001", "640104001000", "640104001001"})
    void acceptsSixNineAndTwelveDigitCodes(String code) {
        assertThat(RegionScope.isWellFormed(code)).isTrue();
        assertThat(RegionScope.of(code).code()).isEqualTo(code);
    }
}
