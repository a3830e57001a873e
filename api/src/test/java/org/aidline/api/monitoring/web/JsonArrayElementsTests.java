package org.aidline.api.monitoring.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonArrayElementsTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void givesEachElementWhateverTheChunksAreCutAt() {
        String body = "[{\"flagId\":\"1\",\"n\":[1,2]}, 2, \"three\", null, {\"flagId\":\"五\"}]";
        for (int size = 1; size <= body.length(); size++) {
            List<JsonArrayElements.Piece> pieces = read(body, size, 1024);
            assertThat(pieces).hasSize(5);
            assertThat(((JsonArrayElements.Element) pieces.get(4)).node().get("flagId").asString()).isEqualTo("五");
        }
    }

    @Test
    void keepsTheElementsBeforeWhereTheArrayBreaks() {
        List<JsonArrayElements.Piece> pieces = read("[{\"a\":1},{\"b\":2},{\"c\" 3},{\"d\":4}]", 4096, 1024);
        assertThat(pieces).hasSize(3);
        assertThat(pieces.get(2)).isInstanceOf(JsonArrayElements.Broken.class);
    }

    @Test
    void anArrayThatNeverClosesIsBrokenAtTheEnd() {
        List<JsonArrayElements.Piece> pieces = read("[{\"a\":1},", 4096, 1024);
        assertThat(pieces).hasSize(2);
        assertThat(((JsonArrayElements.Broken) pieces.get(1)).reason()).contains("end-of-input");
    }

    @Test
    void anElementLargerThanTheLimitBreaksTheArray() {
        String big = "[{\"a\":\"" + "x".repeat(5000) + "\"}]";
        List<JsonArrayElements.Piece> pieces = read(big, 512, 2048);
        assertThat(pieces).hasSize(1);
        assertThat(((JsonArrayElements.Broken) pieces.get(0)).reason()).contains("larger");
    }

    @Test
    void aBodyThatIsNoArrayIsRefusedWhole() {
        assertThat(read("{\"flagId\":\"1\"}", 4096, 1024)).containsExactly(new JsonArrayElements.NotAnArray());
        assertThat(read("flagId,villageCode", 4096, 1024)).containsExactly(new JsonArrayElements.NotAnArray());
    }

    @Test
    void textAfterTheArrayIsABrokenRow() {
        List<JsonArrayElements.Piece> pieces = read("[1] [2]", 4096, 1024);
        assertThat(pieces).hasSize(2);
        assertThat(((JsonArrayElements.Broken) pieces.get(1)).reason()).contains("follows the end");
    }

    @Test
    void anEmptyBodyHasNoElements() {
        assertThat(read("", 4096, 1024)).isEmpty();
        assertThat(read(" [ ] ", 4096, 1024)).isEmpty();
    }

    private List<JsonArrayElements.Piece> read(String body, int chunkSize, int limit) {
        JsonArrayElements elements = new JsonArrayElements(json, limit);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        List<JsonArrayElements.Piece> pieces = new ArrayList<>();
        for (int from = 0; from < bytes.length; from += chunkSize) {
            pieces.addAll(elements.feed(java.util.Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkSize))));
        }
        pieces.addAll(elements.end());
        return pieces;
    }
}
