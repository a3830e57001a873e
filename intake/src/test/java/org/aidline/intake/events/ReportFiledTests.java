package org.aidline.intake.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportFiledTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anEventStoredBeforeWorkOrdersExistedReadsWithoutAnOrderNumber() {
        String stored = """
                {"id":"0192f0c4-8a51-7c3e-9b1a-3f2d1e0a5b6c","reportId":"0192f0c4-8a51-7c3e-9b1a-3f2d1e0a5b6d","reference":"K7M-Q4X-PA",
                 "channel":"HOTLINE","category":"LOSS_OF_INCOME","villageCode":"640104001001","countyCode":"640104","urgent":false,
                 "decision":"STANDARD","acknowledgeWithinSeconds":14400,"occurredAt":"2026-11-29T08:00:00Z"}""";

        ReportFiled filed = JSON.readValue(stored, ReportFiled.class);

        assertThat(filed.orderNumber()).isNull();
        assertThat(filed.reference()).isEqualTo("K7M-Q4X-PA");
    }

    @Test
    void aWorkOrdersNumberTravelsWithTheEvent() {
        ReportFiled filed = JSON.readValue("""
                {"id":"0192f0c4-8a51-7c3e-9b1a-3f2d1e0a5b6c","reportId":"0192f0c4-8a51-7c3e-9b1a-3f2d1e0a5b6d","reference":"K7M-Q4X-PA",
                 "channel":"HOTLINE","category":"LOSS_OF_INCOME","villageCode":"640104001001","countyCode":"640104","urgent":false,
                 "decision":"STANDARD","acknowledgeWithinSeconds":14400,"occurredAt":"2026-11-29T08:00:00Z","orderNumber":"GD-1"}""",
                ReportFiled.class);

        assertThat(JSON.readValue(JSON.writeValueAsString(filed), ReportFiled.class)).isEqualTo(filed);
        assertThat(filed.orderNumber()).isEqualTo("GD-1");
    }
}
