package org.aidline.notification.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aidline.notification.delivery.TaskMessage;
import org.junit.jupiter.api.Test;

class JPushSenderTests {

    @Test
    void thePushNamesTheDeviceAndCarriesTheIdsTheAppOpensTheTaskWith() {
        TaskMessage message = new TaskMessage(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "NX-2026-000123",
                "MEDICAL_EMERGENCY", "中宁县 village 001", true, TaskMessage.ASSIGNED);

        Map<String, Object> body = JPushSender.body("1a0018970aa3e0b4a1d", message, true);

        assertThat(body).containsEntry("platform", "all");
        assertThat(body.get("audience")).isEqualTo(Map.of("registration_id", List.of("1a0018970aa3e0b4a1d")));
        @SuppressWarnings("unchecked")
        Map<String, Object> extras = (Map<String, Object>) ((Map<String, Object>) body.get("message")).get("extras");
        assertThat(extras).containsEntry("notificationId", message.notificationId().toString())
                .containsEntry("taskId", message.taskId().toString())
                .containsEntry("reportId", message.reportId().toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> options = (Map<String, Object>) body.get("options");
        assertThat(options).containsEntry("apns_collapse_id", message.notificationId().toString()).containsEntry("apns_production", true);
        assertThat(message.title()).contains("Urgent");
        assertThat(message.body()).contains("NX-2026-000123");
    }
}
