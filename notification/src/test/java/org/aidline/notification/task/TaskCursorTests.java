package org.aidline.notification.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TaskCursorTests {

    @Test
    void aCursorComesBackAsItWent() {
        TaskCursor cursor = new TaskCursor(Instant.parse("2026-11-29T03:10:00.123456Z"), UUID.randomUUID());

        assertThat(TaskCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void anythingElseIsRefused() {
        assertThatThrownBy(() -> TaskCursor.decode("bm90IGEgY3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaskCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chainLinksAreRankedFromTheVillageUp() {
        assertThat(ChainLink.ofRank(1)).isEqualTo(ChainLink.VILLAGE);
        assertThat(ChainLink.ofRank(3)).isEqualTo(ChainLink.COUNTY);
    }
}
