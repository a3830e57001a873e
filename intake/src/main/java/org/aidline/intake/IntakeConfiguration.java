package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.payment.PaymentsDue;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.policy.persistence.R2dbcPolicies;
import org.aidline.intake.region.Counties;
import org.aidline.intake.region.persistence.R2dbcCounties;
import org.aidline.intake.report.ReportFiling;
import org.aidline.intake.report.ReportQueries;
import org.aidline.intake.report.Reports;
import org.aidline.intake.report.persistence.R2dbcReports;
import org.aidline.intake.report.persistence.ReportRowMapper;
import org.aidline.intake.triage.TriageRules;
import org.aidline.intake.verification.Verifications;
import org.aidline.intake.verification.persistence.R2dbcVerifications;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import tools.jackson.databind.json.JsonMapper;

/** Wires the intake module; its domain classes stay free of Spring. */
@Configuration(proxyBeanMethods = false)
@Import({PaymentsConfiguration.class, ReviewConfiguration.class, MonitoringConfiguration.class, GrantConfiguration.class,
        AuditConfiguration.class, EventsConfiguration.class, CaseworkConfiguration.class,
        ReferralConfiguration.class, CalendarConfiguration.class, CallBackConfiguration.class, IntakeMetricsConfiguration.class})
public class IntakeConfiguration {

    // A mapper of its own: stored JSON must not change shape when the web's settings do.
    static final JsonMapper STORED_JSON = JsonMapper.builder().build();

    @Bean
    Reports reports(DatabaseClient database, R2dbcPolicies policies) {
        // Filing reads the policy with the household: the policy's own columns and row mapping serve both.
        return new R2dbcReports(database, new ReportRowMapper(STORED_JSON), R2dbcPolicies.IN_FORCE_COLUMNS, policies::policy);
    }

    @Bean
    R2dbcPolicies policies(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcPolicies(database, transactions, STORED_JSON);
    }

    @Bean
    ReportFiling reportFiling(Reports reports, PersonalDataProtector protector, Clock clock, ObjectProvider<PaymentsDue> paymentsDue) {
        return new ReportFiling(reports, new TriageRules(), protector, clock, paymentsDue.getIfAvailable(() -> PaymentsDue.NONE));
    }

    @Bean
    Verifications verifications(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcVerifications(database, transactions, STORED_JSON);
    }

    @Bean
    ReportQueries reportQueries(Reports reports) {
        return new ReportQueries(reports);
    }

    @Bean
    Counties counties(DatabaseClient database) {
        return new R2dbcCounties(database);
    }
}
