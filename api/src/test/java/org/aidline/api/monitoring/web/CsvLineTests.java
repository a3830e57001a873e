package org.aidline.api.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvLineTests {

    @Test
    void splitsPlainFieldsKeepingEmptyOnes() {
        assertThat(CsvLine.split("NX-1,640104001001,,4,")).containsExactly("NX-1", "640104001001", "", "4", "");
    }

    @Test
    void quotedFieldsHoldCommasAndDoubledQuotes() {
        assertThat(CsvLine.split("NX-1,\"名下有车辆, 车牌 \"\"宁A·12345\"\"\",4"))
                .containsExactly("NX-1", "名下有车辆, 车牌 \"宁A·12345\"", "4");
    }

    @Test
    void anEmptyQuotedFieldIsEmpty() {
        assertThat(CsvLine.split("\"\",x")).containsExactly("", "x");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsText() {
        assertThat(CsvLine.split("a\"b,c")).containsExactly("a\"b", "c");
    }

    @Test
    void refusesAQuotedFieldWithoutItsClosingQuote() {
        assertThatThrownBy(() -> CsvLine.split("NX-1,\"名下有车辆,4"))
                .isInstanceOf(CsvLine.MalformedLine.class).hasMessageContaining("closing quote");
    }

    @Test
    void refusesTextAfterAClosingQuote() {
        assertThatThrownBy(() -> CsvLine.split("NX-1,\"马建国\"x,4"))
                .isInstanceOf(CsvLine.MalformedLine.class).hasMessage("has text after the closing quote of field 2");
    }
}
