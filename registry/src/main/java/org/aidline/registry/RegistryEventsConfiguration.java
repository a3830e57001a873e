package org.aidline.registry;

import java.time.Clock;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.report.ReportFiling;
import org.aidline.registry.lifecycle.EnrolmentChanges;
import org.aidline.registry.lifecycle.DecisionEnrolments;
import org.aidline.registry.lifecycle.FlagOutcomeEnrolments;
import org.aidline.registry.lifecycle.persistence.R2dbcEnrolmentChanges;
import org.aidline.registry.monitoring.RegistryEventDesk;
import org.aidline.registry.monitoring.RegistryEvents;
import org.aidline.registry.monitoring.persistence.R2dbcRegistryEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Wires the registry's monitoring: departments' events (filed through intake's filing service) and
 * the enrolment changes they and flags' outcomes make; the outcomes arrive as intake's events.
 */
@Configuration(proxyBeanMethods = false)
public class RegistryEventsConfiguration {

    @Bean
    EnrolmentChanges enrolmentChanges(DatabaseClient database) {
        return new R2dbcEnrolmentChanges(database);
    }

    @Bean
    RegistryEvents registryEvents(DatabaseClient database) {
        return new R2dbcRegistryEvents(database);
    }

    @Bean
    RegistryEventDesk registryEventDesk(RegistryEvents events, EnrolmentChanges enrolments, ReportFiling filing,
            PersonalDataProtector protector, TransactionalOperator transactions, Clock clock) {
        return new RegistryEventDesk(events, enrolments, filing, protector, transactions::transactional, clock);
    }

    /** An intake event subscriber: intake's delivery loop finds it as a bean and keeps its position. */
    @Bean
    FlagOutcomeEnrolments flagOutcomeEnrolments(EnrolmentChanges enrolments) {
        return new FlagOutcomeEnrolments(enrolments);
    }

    /** The same: the household of a granted minimum-living application is enrolled. */
    @Bean
    DecisionEnrolments decisionEnrolments(EnrolmentChanges enrolments, PersonalDataProtector protector) {
        return new DecisionEnrolments(enrolments, protector);
    }
}
