package org.aidline.api.open311;

import org.aidline.notification.task.CoordinatorTasks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires Open311: a report's expected time is the handling deadline of its coordinator task (its latest round). */
@Configuration(proxyBeanMethods = false)
public class Open311Configuration {

    @Bean
    @ConditionalOnMissingBean
    HandlingDeadlines handlingDeadlines(CoordinatorTasks tasks) {
        return report -> tasks.latestOf(report.value()).mapNotNull(task -> task.clock().handleBy());
    }
}
