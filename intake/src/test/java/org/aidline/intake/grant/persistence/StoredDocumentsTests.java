package org.aidline.intake.grant.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.aidline.intake.grant.GrantDocument;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StoredDocumentsTests {

    final StoredDocuments stored = new StoredDocuments(JsonMapper.builder().build());

    @Test
    void documentsSurviveTheirRoundTripThroughTheColumn() {
        List<GrantDocument> documents = List.of(
                new GrantDocument("ID", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 204_800,
                        "https://files.example.gov.cn/a.jpg", "citizen-1", Instant.parse("2026-11-29T08:00:00.123456Z")),
                new GrantDocument("MEDICAL_BILLS", "0000000000000000000000000000000000000000000000000000000000000000", 1,
                        "oss://bucket/b.pdf", "coord-640104001001", Instant.parse("2026-11-30T00:00:00Z")));
        assertThat(stored.read(stored.write(documents))).isEqualTo(documents);
    }

    @Test
    void theColumnKeepsItsOwnShape() {
        String json = stored.write(List.of(new GrantDocument("ID", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                5, "https://x/a", "c", Instant.parse("2026-11-29T08:00:00Z"))));
        assertThat(json).contains("\"attachedAt\":\"2026-11-29T08:00:00Z\"", "\"attachedBy\":\"c\"", "\"size\":5");
        assertThat(stored.read("[]")).isEmpty();
    }
}
