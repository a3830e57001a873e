package org.aidline.intake;

import java.time.Clock;
import org.aidline.intake.callback.CallBackDesk;
import org.aidline.intake.callback.CallBacks;
import org.aidline.intake.callback.persistence.R2dbcCallBacks;
import org.aidline.intake.report.ReportQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires the call-back after a report closes. */
@Configuration(proxyBeanMethods = false)
public class CallBackConfiguration {

    @Bean
    CallBacks callBacks(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcCallBacks(database, transactions, IntakeConfiguration.STORED_JSON);
    }

    @Bean
    CallBackDesk callBackDesk(CallBacks callBacks, ReportQueries reports, Clock clock) {
        return new CallBackDesk(callBacks, reports, clock);
    }
}
