package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.ledger.Ledger;
import org.aidline.intake.ledger.LedgerQueries;
import org.aidline.intake.ledger.ProgrammePostings;
import org.aidline.intake.ledger.persistence.R2dbcLedger;
import org.aidline.intake.ledger.persistence.R2dbcProgrammePostings;
import org.aidline.intake.policy.Policies;
import org.aidline.intake.policy.PolicyAdministration;
import org.aidline.intake.report.Reports;
import org.aidline.intake.review.GrantsUnderReview;
import org.aidline.intake.review.Supervision;
import org.aidline.intake.review.persistence.R2dbcGrantsUnderReview;
import org.aidline.intake.triage.TriageRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires policy administration, supervisor review and the ledger's read path. */
@Configuration(proxyBeanMethods = false)
public class ReviewConfiguration {

    @Bean
    PolicyAdministration policyAdministration(Policies policies, Clock clock) {
        return new PolicyAdministration(policies, clock);
    }

    @Bean
    GrantsUnderReview grantsUnderReview(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcGrantsUnderReview(database, transactions, IntakeConfiguration.STORED_JSON);
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
    ProgrammePostings programmePostings(DatabaseClient database) {
        return new R2dbcProgrammePostings(database);
    }

    @Bean
    LedgerQueries ledgerQueries(Ledger ledger) {
        return new LedgerQueries(ledger);
    }
}
