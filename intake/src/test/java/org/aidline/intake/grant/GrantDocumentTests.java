package org.aidline.intake.grant;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GrantDocumentTests {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @ParameterizedTest(name = "type={0} sha256={1} size={2} uri={3} by={4}")
    @CsvSource({
            "' ', " + SHA + ", 1, https://x/a, coord",
            "ID, 9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08, 1, https://x/a, coord",
            "ID, 9f86d081, 1, https://x/a, coord",
            "ID, " + SHA + ", 0, https://x/a, coord",
            "ID, " + SHA + ", 1, ' ', coord",
            "ID, " + SHA + ", 1, https://x/a, ' '"})
    void incompleteOrMalformedMetadataIsRefused(String type, String sha256, long size, String uri, String by) {
        assertThatThrownBy(() -> new GrantDocument(type, sha256, size, uri, by, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
