package org.aidline.intake.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTests {

    private static final long SEED = 0xF3E7L;

    static LongStream fenAmounts() {
        Random random = new Random(SEED);
        LongStream edges = LongStream.of(0, 1, 99, 100, 101, Long.MAX_VALUE);
        LongStream small = random.longs(200, 0, 10_000_000L);
        LongStream large = random.longs(100, 0, Long.MAX_VALUE);
        return LongStream.concat(edges, LongStream.concat(small, large));
    }

    static Stream<String> yuanWithAtMostTwoDecimals() {
        Random random = new Random(SEED + 1);
        return random.longs(200, 0, 1_000_000_000L)
                .mapToObj(fen -> {
                    int scale = random.nextInt(3);
                    return BigDecimal.valueOf(fen, 2).setScale(scale, java.math.RoundingMode.DOWN).toPlainString();
                });
    }

    @ParameterizedTest
    @CsvSource({
            "1500.50, 150050",
            "0.01, 1",
            "0.10, 10",
            "0.1, 10",
            "0, 0",
            "0.00, 0",
            "1500, 150000",
            "1500.500, 150050",
            "1500.5000, 150050",
            "1E+3, 100000"
    })
    void convertsYuanToFenExactly(String yuan, long fen) {
        assertThat(Money.ofYuan(new BigDecimal(yuan)).fen()).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.001", "1500.505", "1500.501", "0.009", "1500.5001"})
    void refusesMoreThanTwoDecimals(String yuan) {
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal(yuan)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two decimals");
    }

    @Test
    void refusesAmountBeyondTheRangeOfFen() {
        BigDecimal oneFenTooMany = BigDecimal.valueOf(Long.MAX_VALUE, 2).add(new BigDecimal("0.01"));

        assertThatThrownBy(() -> Money.ofYuan(oneFenTooMany)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.ofYuan(BigDecimal.valueOf(Long.MAX_VALUE, 2)).fen()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-1", "-1500.50"})
    void refusesNegativeYuan(String yuan) {
        assertThatThrownBy(() -> Money.ofYuan(new BigDecimal(yuan)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void refusesNegativeFen() {
        assertThatThrownBy(() -> Money.ofFen(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(Long.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void showsYuanWithTwoDecimals() {
        assertThat(Money.ofFen(150050).yuan()).isEqualTo(new BigDecimal("1500.50"));
        assertThat(Money.ofFen(1).yuan()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Money.ofFen(0).yuan()).isEqualTo(new BigDecimal("0.00"));
    }

    @ParameterizedTest
    @MethodSource("fenAmounts")
    void yuanRoundTripsToTheSameAmount(long fen) {
        Money money = Money.ofFen(fen);

        assertThat(Money.ofYuan(money.yuan())).isEqualTo(money);
    }

    @ParameterizedTest
    @MethodSource("yuanWithAtMostTwoDecimals")
    void yuanOfAConvertedAmountEqualsTheInputNumerically(String yuan) {
        BigDecimal amount = new BigDecimal(yuan);

        assertThat(Money.ofYuan(amount).yuan()).isEqualByComparingTo(amount);
    }

    @Test
    void ordersByAmount() {
        assertThat(Money.ofFen(1)).isLessThan(Money.ofFen(2));
        assertThat(Money.ofYuan(new BigDecimal("1500.50"))).isEqualByComparingTo(Money.ofFen(150050));
        assertThat(Money.ofFen(Long.MAX_VALUE)).isGreaterThan(Money.ofFen(0));
    }
}
