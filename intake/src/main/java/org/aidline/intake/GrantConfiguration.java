package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.grant.DocumentDeadlines;
import org.aidline.intake.grant.GrantDocuments;
import org.aidline.intake.grant.GrantQueries;
import org.aidline.intake.grant.Grants;
import org.aidline.intake.grant.SubjectIdentification;
import org.aidline.intake.grant.persistence.R2dbcGrants;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.report.ReportQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires documents later: grant reads, attachments, identity at the visit and the deadline sweep. */
@Configuration(proxyBeanMethods = false)
public class GrantConfiguration {

    @Bean
    Grants grants(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcGrants(database, transactions, IntakeConfiguration.STORED_JSON);
    }

    @Bean
    GrantQueries grantQueries(Grants grants) {
        return new GrantQueries(grants);
    }

    @Bean
    GrantDocuments grantDocuments(Grants grants, Clock clock) {
        return new GrantDocuments(grants, clock);
    }

    @Bean
    SubjectIdentification subjectIdentification(ReportQueries reports, Grants grants, PersonalDataProtector protector, Clock clock) {
        return new SubjectIdentification(reports, grants, protector, clock);
    }

    @Bean
    DocumentDeadlines documentDeadlines(Grants grants) {
        return new DocumentDeadlines(grants);
    }
}
