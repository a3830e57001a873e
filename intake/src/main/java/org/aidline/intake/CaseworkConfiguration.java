package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.casework.CaseClosure;
import org.aidline.intake.casework.CaseFiles;
import org.aidline.intake.casework.Casework;
import org.aidline.intake.casework.MeansTest;
import org.aidline.intake.casework.TaskProgress;
import org.aidline.intake.casework.persistence.R2dbcCaseFiles;
import org.aidline.intake.payment.PaymentsDue;
import org.aidline.intake.referral.Referrals;
import org.aidline.intake.personaldata.PersonalDataProtector;
import org.aidline.intake.verification.Registries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the ordinary case: its steps, its decision, its closure. */
@Configuration(proxyBeanMethods = false)
public class CaseworkConfiguration {

    @Bean
    CaseFiles caseFiles(DatabaseClient database, TransactionalOperator transactions, Referrals referrals) {
        return new R2dbcCaseFiles(database, transactions, IntakeConfiguration.STORED_JSON, referrals);
    }

    /** {@code tasks} is the notification module's answer; without it (intake alone) no case waits for a task. */
    @Bean
    CaseClosure caseClosure(CaseFiles files, ObjectProvider<TaskProgress> tasks, Clock clock) {
        return new CaseClosure(files, tasks.getIfAvailable(() -> (report, round) -> reactor.core.publisher.Mono.just(true)), clock);
    }

    @Bean
    Casework casework(CaseFiles files, CaseClosure closure, Registries registries, PersonalDataProtector protector,
            ObjectProvider<PaymentsDue> paymentsDue, Clock clock) {
        return new Casework(files, closure, new MeansTest(registries), protector, paymentsDue.getIfAvailable(() -> PaymentsDue.NONE),
                clock);
    }
}
