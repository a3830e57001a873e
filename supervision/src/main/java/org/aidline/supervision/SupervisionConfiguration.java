package org.aidline.supervision;

import java.time.Clock;
import org.aidline.intake.audit.AuditTrail;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.supervision.persistence.R2dbcExports;
import org.aidline.supervision.persistence.R2dbcSupervisionStatistics;
import org.aidline.supervision.persistence.R2dbcWorkOrderStatistics;
import org.aidline.supervision.persistence.R2dbcWorkQueues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the work queues, statistics and exports, read from intake's and notification's published views. */
@Configuration(proxyBeanMethods = false)
public class SupervisionConfiguration {

    // Rows an export asks PostgreSQL for at a time: small enough to keep memory flat, large enough to keep the socket busy.
    private static final int EXPORT_FETCH_SIZE = 1000;

    // Stored JSON is read with a mapper of its own: it must not change shape when the web's settings do.
    private static final JsonMapper STORED_JSON = JsonMapper.builder().build();

    @Bean
    WorkQueues workQueues(DatabaseClient database, Clock clock) {
        return new R2dbcWorkQueues(database, clock);
    }

    @Bean
    SupervisionStatistics supervisionStatistics(DatabaseClient database, Clock clock) {
        return new R2dbcSupervisionStatistics(database, STORED_JSON, new R2dbcWorkOrderStatistics(database, clock));
    }

    @Bean
    Exports exports(DatabaseClient database) {
        return new R2dbcExports(database, EXPORT_FETCH_SIZE);
    }

    @Bean
    Oversight oversight(WorkQueues queues, SupervisionStatistics statistics, Exports exports, AuditTrail trail, PersonalDataProtector protector) {
        return new Oversight(queues, statistics, exports, trail, protector);
    }
}
