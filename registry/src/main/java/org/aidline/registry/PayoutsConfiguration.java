package org.aidline.registry;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.aidline.intake.PaymentsProperties;
import org.aidline.intake.background.Backoff;
import org.aidline.intake.background.DispatchLoop;
import org.aidline.intake.background.LoopLifecycle;
import org.aidline.intake.ledger.ProgrammePostings;
import org.aidline.intake.payment.PaymentGateway;
import org.aidline.intake.payment.Treasury;
import org.aidline.registry.campaign.CampaignDesk;
import org.aidline.registry.campaign.persistence.R2dbcCampaigns;
import org.aidline.registry.disbursement.BatchSender;
import org.aidline.registry.disbursement.Granter;
import org.aidline.registry.disbursement.PayoutProgress;
import org.aidline.registry.disbursement.PayoutSettings;
import org.aidline.registry.disbursement.PayoutUnits;
import org.aidline.registry.disbursement.PayoutWakeups;
import org.aidline.registry.disbursement.background.UnitGranting;
import org.aidline.registry.disbursement.persistence.R2dbcPayoutBatches;
import org.aidline.registry.disbursement.persistence.R2dbcPayoutProgress;
import org.aidline.registry.disbursement.persistence.R2dbcPayoutUnits;
import org.aidline.registry.payroll.PayrollDesk;
import org.aidline.registry.payroll.persistence.R2dbcPayrolls;
import org.aidline.registry.standard.StandardDesk;
import org.aidline.registry.standard.persistence.R2dbcStandards;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Wires standards, payrolls, campaigns and the loops that grant their counties and send their bank batches. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PayoutsProperties.class)
public class PayoutsConfiguration {

    @Bean
    StandardDesk standardDesk(DatabaseClient database, TransactionalOperator transactions, Clock clock) {
        return new StandardDesk(new R2dbcStandards(database, transactions), clock);
    }

    @Bean
    PayoutWakeups payoutWakeups() {
        return new PayoutWakeups();
    }

    @Bean
    PayoutSettings payoutSettings(PayoutsProperties properties) {
        return new PayoutSettings(properties.batchSize(), properties.concurrency(), properties.lease(), properties.resultCheck(),
                new Backoff(properties.retryBase(), properties.retryMax()));
    }

    @Bean
    PayoutProgress payoutProgress(DatabaseClient database) {
        return new R2dbcPayoutProgress(database);
    }

    @Bean
    R2dbcPayrolls payrolls(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcPayrolls(database, transactions);
    }

    @Bean
    R2dbcCampaigns campaigns(DatabaseClient database, TransactionalOperator transactions) {
        return new R2dbcCampaigns(database, transactions);
    }

    @Bean
    PayrollDesk payrollDesk(R2dbcPayrolls payrolls, PayoutProgress progress, PayoutWakeups wakeups, Clock clock) {
        return new PayrollDesk(payrolls, progress, wakeups, clock);
    }

    @Bean
    CampaignDesk campaignDesk(R2dbcCampaigns campaigns, PayoutProgress progress, PayoutWakeups wakeups, Clock clock) {
        return new CampaignDesk(campaigns, progress, wakeups, clock);
    }

    @Bean
    UnitGranting unitGranting(DatabaseClient database, R2dbcPayrolls payrolls, R2dbcCampaigns campaigns, ProgrammePostings ledger,
            TransactionalOperator transactions, PayoutWakeups wakeups, PayoutSettings settings, Clock clock) {
        PayoutUnits units = new R2dbcPayoutUnits(database);
        List<Granter> granters = List.of(payrolls, campaigns);
        return new UnitGranting(units, granters, ledger, transactions, wakeups, settings, clock);
    }

    @Bean
    BatchSender batchSender(DatabaseClient database, TransactionalOperator transactions, PaymentGateway gateway,
            PaymentsProperties payments, PayoutSettings settings, Clock clock) {
        Treasury treasury = new Treasury(payments.treasury().accounts(), payments.treasury().defaultAccount());
        return new BatchSender(new R2dbcPayoutBatches(database, transactions), gateway, treasury, settings, clock,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Bean
    SmartLifecycle payoutGranting(UnitGranting granting, PayoutWakeups wakeups, PayoutsProperties properties) {
        return new LoopLifecycle(properties.enabled()
                ? new DispatchLoop("Granting payrolls and campaigns", granting::grantDue, wakeups.granting(), properties.pollInterval())
                : null);
    }

    @Bean
    SmartLifecycle payoutSending(BatchSender sender, UnitGranting granting, PayoutWakeups wakeups, PayoutsProperties properties) {
        // The bank's last answers finish a run: completion is looked for after every round of sending too.
        return new LoopLifecycle(properties.enabled()
                ? new DispatchLoop("Sending payout batches to the bank",
                        () -> sender.sendDue().flatMap(sent -> granting.completeFinished().thenReturn(sent)),
                        wakeups.sending(), properties.pollInterval())
                : null);
    }
}
