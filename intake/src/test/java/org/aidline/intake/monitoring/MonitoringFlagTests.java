package org.aidline.intake.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.aidline.intake.region.VillageCode;
import org.aidline.intake.report.Category;
import org.aidline.intake.report.Channel;
import org.aidline.intake.report.NewReport;
import org.aidline.intake.report.ResidentId;
import org.aidline.intake.report.Subject;
import org.junit.jupiter.api.Test;

class MonitoringFlagTests {

    private final MonitoringFlag flag = new MonitoringFlag(new FlagKey("province", "NX-DC-1"), new VillageCode("640104001001"),
            Category.BASIC_LIVING, new Subject("马建国", new ResidentId("11010519491231002X"), null, 4),
            "享受低保期间名下登记机动车辆", Instant.parse("2025-03-01T08:00:00Z"));

    @Test
    void filesAReportOnTheMonitoringChannelThatIsNeverUrgent() {
        NewReport report = flag.toReport("monitor-1");
        assertThat(report.channel()).isEqualTo(Channel.MONITORING);
        assertThat(report.urgent()).isFalse();
        assertThat(report.requestedAmount()).isNull();
        assertThat(report.description()).isEqualTo("享受低保期间名下登记机动车辆");
        assertThat(report.subject()).isEqualTo(flag.subject());
        assertThat(report.village()).isEqualTo(flag.village());
        assertThat(report.filedBy()).isEqualTo("monitor-1");
    }

    @Test
    void aFlagSaysWhatLookedSuspicious() {
        assertThatThrownBy(() -> new MonitoringFlag(flag.key(), flag.village(), flag.category(), flag.subject(), " ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFlagIdIsGivenAndBounded() {
        assertThatThrownBy(() -> new FlagKey("province", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlagKey("province", "x".repeat(129))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FlagKey("", "NX-1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FlagKey("province", "x".repeat(128)).flagId()).hasSize(128);
    }
}
