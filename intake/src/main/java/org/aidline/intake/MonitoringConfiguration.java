package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.monitoring.FlagIntake;
import org.aidline.intake.monitoring.FlagOutcomes;
import org.aidline.intake.monitoring.MonitoringFlags;
import org.aidline.intake.monitoring.persistence.R2dbcMonitoringFlags;
import org.aidline.intake.report.ReportFiling;
import org.aidline.intake.report.Reports;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the intake of monitoring flags and the outcomes of their checks. */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean
    MonitoringFlags monitoringFlags(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcMonitoringFlags(database, transactions, IntakeConfiguration.STORED_JSON);
    }

    @Bean
    FlagOutcomes flagOutcomes(Reports reports, MonitoringFlags monitoringFlags, Clock clock) {
        return new FlagOutcomes(reports, monitoringFlags, clock);
    }

    @Bean
    FlagIntake flagIntake(ReportFiling reportFiling, MonitoringFlags monitoringFlags, Clock clock) {
        return new FlagIntake(reportFiling, monitoringFlags, clock);
    }
}
