package org.aidline.api.report;

import org.aidline.api.report.web.ReportClocks;
import org.aidline.api.report.web.ReportResponse.WorkOrderView;
import org.aidline.notification.task.CoordinatorTasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A report's clock is its latest coordinator task's, as notification counts it. */
@Configuration(proxyBeanMethods = false)
public class ReportClockConfiguration {

    @Bean
    ReportClocks reportClocks(CoordinatorTasks tasks) {
        return report -> tasks.latestOf(report.value()).map(task -> new WorkOrderView(task.round(), task.status().name(),
                task.clock().signForBy(), task.clock().handleBy(), task.clock().light() == null ? null : task.clock().light().name()));
    }
}
