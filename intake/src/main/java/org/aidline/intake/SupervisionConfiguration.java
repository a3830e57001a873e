package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.audit.AuditTrail;
import org.aidline.intake.ledger.Ledger;
import org.aidline.intake.ledger.LedgerQueries;
import org.aidline.intake.ledger.persistence.R2dbcLedger;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.policy.Policies;
import org.aidline.intake.policy.PolicyAdministration;
import org.aidline.intake.report.Reports;
import org.aidline.intake.review.GrantsUnderReview;
import org.aidline.intake.review.Supervision;
import org.aidline.intake.review.persistence.R2dbcGrantsUnderReview;
import org.aidline.intake.supervision.Exports;
import org.aidline.intake.supervision.Oversight;
import org.aidline.intake.supervision.SupervisionStatistics;
import org.aidline.intake.supervision.WorkQueues;
import org.aidline.intake.supervision.persistence.R2dbcExports;
import org.aidline.intake.supervision.persistence.R2dbcSupervisionStatistics;
import org.aidline.intake.supervision.persistence.R2dbcWorkQueues;
import org.aidline.intake.triage.TriageRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires policy administration, supervisor review, the ledger's read path, work queues, statistics and exports. */
@Configuration(proxyBeanMethods = false)
public class SupervisionConfiguration {

    // Rows an export asks PostgreSQL for at a time: small enough to keep memory flat, large enough to keep the socket busy.
    private static final int EXPORT_FETCH_SIZE = 1000;

    // Stored event details keep their shape whatever the web's JSON settings are.
    private static final JsonMapper STORED_JSON = JsonMapper.builder().build();

    @Bean
    PolicyAdministration policyAdministration(Policies policies, Clock clock) {
        return new PolicyAdministration(policies, clock);
    }

    @Bean
    GrantsUnderReview grantsUnderReview(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcGrantsUnderReview(database, transactions, STORED_JSON);
    }

    @Bean
    Supervision supervision(GrantsUnderReview grants, Reports reports, Policies policies, Clock clock) {
        return new Supervision(grants, reports, policies, new TriageRules(), clock);
    }

    @Bean
    Ledger ledger(DatabaseClient database) {
        return new R2dbcLedger(database);
    }

    @Bean
    LedgerQueries ledgerQueries(Ledger ledger) {
        return new LedgerQueries(ledger);
    }

    @Bean
    WorkQueues workQueues(DatabaseClient database) {
        return new R2dbcWorkQueues(database);
    }

    @Bean
    SupervisionStatistics supervisionStatistics(DatabaseClient database) {
        return new R2dbcSupervisionStatistics(database, STORED_JSON);
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
