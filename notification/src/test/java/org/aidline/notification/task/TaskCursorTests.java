package org.aidline.notification.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskCursorTests {

    @Test
    void aCursorComesBackAsItWent() {
        TaskCursor newest = new TaskCursor(TaskOrder.NEWEST, 0, Instant.parse("2026-11-29T03:10:00.123456Z"), UUID.randomUUID());
        TaskCursor byLight = new TaskCursor(TaskOrder.LIGHT, 2, Instant.parse("2026-12-01T00:00:00Z"), UUID.randomUUID());

        assertThat(TaskCursor.decode(newest.encode())).isEqualTo(newest);
        assertThat(TaskCursor.decode(byLight.encode())).isEqualTo(byLight);
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> TaskCursor.decode("bm90IGEgY3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
        String badRank = java.util.Base64.getUrlEncoder().encodeToString(
                ("LIGHT|7|2026-12-01T00:00:00Z|" + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> TaskCursor.decode(badRank)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainLinksAreRankedFromTheVillageUp() {
        assertThat(ChainLink.ofRank(1)).isEqualTo(ChainLink.VILLAGE);
        assertThat(ChainLink.ofRank(3)).isEqualTo(ChainLink.COUNTY);
    }
}
