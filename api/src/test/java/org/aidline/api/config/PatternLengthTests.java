package org.aidline.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PatternLengthTests {

    @Test
    void boundedPatternsGiveTheirLongestMatch() {
        assertThat(PatternLength.longest("\\d{12}")).hasValue(12);
        assertThat(PatternLength.longest("\\d{6}|\\d{9}|\\d{12}")).hasValue(12);
        assertThat(PatternLength.longest("[A-Z][A-Z0-9_]{1,39}")).hasValue(40);
        assertThat(PatternLength.longest("\\d{4}-(0[1-9]|1[0-2])")).hasValue(7);
        assertThat(PatternLength.longest("^[A-Za-z0-9._:-]{1,64}$")).hasValue(64);
        assertThat(PatternLength.longest("RCVD|PDNG|SUCC|RJCT")).hasValue(4);
        assertThat(PatternLength.longest("\\+?[0-9][0-9 ()-]{4,24}")).hasValue(26);
    }

    @Test
    void unboundedOrUnknownPatternsGiveNothing() {
        assertThat(PatternLength.longest("(https?|s3|oss)://\\S+")).isEmpty();
        assertThat(PatternLength.longest("a*")).isEmpty();
        assertThat(PatternLength.longest("\\d{3,}")).isEmpty();
        assertThat(PatternLength.longest("(ab")).isEmpty();
    }
}
