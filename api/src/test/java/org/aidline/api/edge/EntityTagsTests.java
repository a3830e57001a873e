package org.aidline.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagsTests {

    @ParameterizedTest(name = "If-Match {0} names versions [{1}]")
    @CsvSource(delimiter = ';', value = {
            "'\"3\"'; 3",
            "'\"3\", \"12\"'; 3 12",
            "'W/\"3\"'; ''",
            "'W/\"3\", \"4\"'; 4",
            "'\"abc\"'; ''",
            "'\"-1\"'; ''",
            "'\"99999999999\"'; ''",
            "3; ''",
            "garbage; ''"})
    void onlyStrongTagsThisServiceGaveOutNameAVersion(String ifMatch, String versions) {
        Integer[] expected = versions.isBlank() ? new Integer[0] : Arrays.stream(versions.split(" ")).map(Integer::valueOf).toArray(Integer[]::new);
        assertThat(EntityTags.versions(ifMatch)).containsExactlyInAnyOrder(expected);
    }

    @ParameterizedTest
    @CsvSource({"0, '\"0\"'", "17, '\"17\"'"})
    void theETagIsTheQuotedVersion(int version, String etag) {
        assertThat(EntityTags.of(version)).isEqualTo(etag);
        assertThat(EntityTags.versions(etag)).containsExactly(version);
    }
}
