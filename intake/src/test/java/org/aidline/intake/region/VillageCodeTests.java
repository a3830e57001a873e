package org.aidline.intake.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VillageCodeTests {

    @Test
    void splitsIntoCountyAndTownship() {
        VillageCode village = new VillageCode("640104203017");

        assertThat(village.countyCode()).isEqualTo("640104");
        assertThat(village.townshipCode()).isEqualTo("640104203");
        assertThat(village.value()).isEqualTo("640104203017");
        assertThat(village).hasToString("640104203017");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "640104", "640104001", "64010400100", "6401040010011", "64010400100A",
            "640104 001001", "640104-001-001", " 640104001001", "\uFF16\uFF14\uFF10\uFF11\uFF10\uFF14001001"
    })
    void refusesMalformedCodes(String code) {
        assertThat(VillageCode.isWellFormed(code)).isFalse();
        assertThatThrownBy(() -> new VillageCode(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceptsTwelveDigits() {
        assertThat(VillageCode.isWellFormed("640104001001")).isTrue();
        assertThat(new VillageCode("640104001001")).isEqualTo(new VillageCode("640104001001"));
    }
}
