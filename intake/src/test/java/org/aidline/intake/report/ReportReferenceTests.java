package org.aidline.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReportReferenceTests {

    private static final long SEED = 0xAB1DL;
    private static final String AMBIGUOUS = "0O1IL2Z5S8BUV";
    private static final String SHAPE = "[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{2}";

    static Stream<Long> seeds() {
        Random random = new Random(SEED);
        return random.longs(20).boxed();
    }

    private static Set<Character> charactersOf(String text) {
        return text.chars().mapToObj(c -> (char) c).collect(Collectors.toSet());
    }

    @Test
    void randomReferencesHaveTheReadableShape() {
        for (int i = 0; i < 1_000; i++) {
            String reference = ReportReference.random().value();

            assertThat(reference).matches(SHAPE).hasSize(10);
            assertThat(charactersOf(reference)).doesNotContainAnyElementsOf(charactersOf(AMBIGUOUS));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void referencesDrawnFromAnyRandomSourceNeverContainAmbiguousCharacters(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            String reference = ReportReference.random(random).value();

            assertThat(reference).matches(SHAPE);
            assertThat(charactersOf(reference)).doesNotContainAnyElementsOf(charactersOf(AMBIGUOUS));
        }
    }

    @Test
    void drawsFromEveryUnambiguousDigitAndUppercaseLetter() {
        Set<Character> expected = new HashSet<>();
        for (char c = '0'; c <= '9'; c++) {
            expected.add(c);
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            expected.add(c);
        }
        expected.removeAll(charactersOf(AMBIGUOUS));

        Random random = new Random(SEED);
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.addAll(charactersOf(ReportReference.random(random).value().replace("-", "")));
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void tenThousandDrawsAreAlmostSurelyDistinct() {
        long distinct = IntStream.range(0, 10_000)
                .mapToObj(i -> ReportReference.random())
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(9_990);
    }

    @Test
    void acceptsAWellFormedReference() {
        ReportReference reference = new ReportReference("K7M-Q4X-P3");

        assertThat(reference.value()).isEqualTo("K7M-Q4X-P3");
        assertThat(reference).hasToString("K7M-Q4X-P3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"k7m-q4x-p3", "K7M-Q4X-p3", "k7M-Q4X-P3"})
    void refusesLowercase(String value) {
        assertThatThrownBy(() -> new ReportReference(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEachAmbiguousCharacterInEveryPosition() {
        String valid = "K7M-Q4X-P3";
        for (int position = 0; position < valid.length(); position++) {
            if (valid.charAt(position) == '-') {
                continue;
            }
            for (char ambiguous : AMBIGUOUS.toCharArray()) {
                String value = valid.substring(0, position) + ambiguous + valid.substring(position + 1);

                assertThatThrownBy(() -> new ReportReference(value))
                        .as(value)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "K7MQ4XP3", "K7M-Q4X-P", "K7M-Q4X-P34", "K7M-Q4-XP3", "K7M Q4X P3", " K7M-Q4X-P3", "K7M-Q4X-P3\n"})
    void refusesOtherShapes(String value) {
        assertThatThrownBy(() -> new ReportReference(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
